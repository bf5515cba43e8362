import type { IncomingMessage } from 'node:http';
import type { AppServices } from '../server/app-services.ts';

declare global {
  namespace App {
    interface Locals {
      services: AppServices;
    }
    interface Platform {
      req: IncomingMessage;
    }
    interface Error {
      message: string;
      messageEn?: string;
      code?: string;
    }
  }
}

export {};
