// The whole board in one process on one port: Postgres (given or embedded), migrations, the sample meeting, the HTTP
// pages and API, Socket.io and the Yjs endpoint.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { AppServices } from './app-services.ts';
import { loadSessionSecret } from './auth/secret.ts';
import { loadRecordSigner } from './auth/record-signing-key.ts';
import { createSessions, type Sessions } from './auth/sessions.ts';
import { createOrganisers, type Organisers } from './auth/organisers.ts';
import { createJoinCodes } from './auth/join-codes.ts';
import { loadBoard, listMeetings, projectDetails } from './db/board-repository.ts';
import { loadAttendanceSheet } from './db/minutes-repository.ts';
import { loadMeetingRecord } from './db/meeting-record-repository.ts';
import { createDatabaseClient, type Database } from './db/client.ts';
import { createPgPool } from './db/pg-pool.ts';
import { openDatabase } from './db/database-url.ts';
import { applyMigrations } from './db/schema-engine.ts';
import { withBootLock } from './db/boot-lock.ts';
import { createExpressApp } from './http/express-app.ts';
import { newInstanceId, type BoardHealth } from './health/board-health.ts';
import { databaseProbe } from './health/database-probe.ts';
import { PartMonitor } from './health/part-monitor.ts';
import { createCommandGate } from './realtime/command-gate.ts';
import { closeSocketServer } from './realtime/socket-shutdown.ts';
import { meetingDocumentsRouter } from './http/meeting-documents.ts';
import { peopleApiRouter } from './http/people-api.ts';
import { plansApiRouter } from './http/plans-api.ts';
import { createPlanSetup } from './setup/plan-setup.ts';
import { importApiRouter } from './http/import-api.ts';
import { projectListApiRouter } from './http/project-list-api.ts';
import { createImportSetup } from './setup/import-setup.ts';
import { createMeetingSetup } from './setup/meeting-setup.ts';
import { createPeopleSetup } from './setup/people-setup.ts';
import { createJoinRequests } from './setup/join-requests.ts';
import { createFrameService, type FrameService } from './db/frame-repository.ts';
import { createPdfPrinter } from './pdf/print-pdf.ts';
import { createMinutesRecords, minutesStateOf } from './db/minutes-adoption-repository.ts';
import { createMinutesPrinter } from './export/minutes-document.ts';
import { formatDocName } from './yjs/doc-names.ts';
import { ensureWebBuild, loadPagesHandler, webBuildIsCurrent } from './http/web-build.ts';
import { meetingHandlers } from './realtime/meeting.handlers.ts';
import { ceilingsHandlers } from './realtime/ceilings.handlers.ts';
import { presenceHandlers } from './realtime/presence.handlers.ts';
import { joinRequestNews, joinRequestsHandlers } from './realtime/join-requests.handlers.ts';
import { commandHandlers } from './realtime/socket-calls.ts';
import { sandboxHandlers } from './realtime/sandbox.handlers.ts';
import { createDelivery, type Delivery } from './realtime/delivery.ts';
import { authorityEffects } from './realtime/authority-effects.ts';
import { AuthorityChanges } from './auth/authority-changes.ts';
import { createMeetingEventLog } from './db/meeting-events.ts';
import { createCommandPipeline } from './commands/pipeline.ts';
import type { SequencedCommand } from './commands/command.ts';
import { SOCKET_COMMANDS, commandNamed, type RunCommand } from './commands/registry.ts';
import { authenticateYjs, initialDocContent } from './yjs/board-documents.ts';
import { createPresenceTracker } from './realtime/presence.ts';
import { presenceDeltas } from './realtime/presence-broadcast.ts';
import { createSocketServer, meetingRoom, toSocket, type BoardServer } from './realtime/socket-server.ts';
import { seedSampleMeeting } from './seed/seed-sample.ts';
import { createYjsEndpoint } from './yjs/endpoint.ts';
import { createMinutesSync } from './yjs/minutes-sync.ts';
import { createPostgresPersistence, type PostgresPersistence } from './yjs/postgres-persistence.ts';
import { createOriginPolicy, type OriginPolicy } from './net/origins.ts';
import { can } from './domain/permissions.ts';
import { createRateLimits, type LimiterStore, type LimitName, type LimitRule } from './limits/rate-limits.ts';
import { attachSocketLimits, commandLimiter } from './limits/transport-limits.ts';
import { connectRedis } from './cluster/redis.ts';
import { redisLimiterStore } from './cluster/redis-limiter-store.ts';
import { redisPresence } from './cluster/redis-presence.ts';
import { redisYjsRelay } from './cluster/redis-yjs-relay.ts';
import { listenForEvents, notificationText } from './cluster/event-notifications.ts';
import { createAdapter } from '@socket.io/redis-streams-adapter';

export const YJS_PATH = '/yjs';
const SEQUENCED_EVENTS: ReadonlySet<string> = new Set(SOCKET_COMMANDS.map((command) => command.event));
/** The sequenced commands every committee member may send: a meeting's crowd shares one allowance for them. */
const MEMBER_EVENTS: ReadonlySet<string> = new Set(SOCKET_COMMANDS.filter((command) => can('member', command.authority)).map((command) => command.event));
/** How long shutdown waits for commands in flight; with the rest it stays well inside the 10 s an orchestrator gives. */
const COMMAND_DRAIN_MS = 4_000;

export interface RunningBoard {
  url: string;
  port: number;
  databaseUrl: string;
  sampleMeetingId: string;
  db: Database;
  sessions: Sessions;
  organisers: Organisers;
  /** What the pages are given: the same services, for tests and scripts that act as a page would. */
  services: AppServices;
  io: BoardServer;
  frames: FrameService;
  /** Sends committed events to this process's sockets in seq order; another instance's events can be fed to it too. */
  delivery: Delivery;
  runCommand: RunCommand;
  /** The shared Yjs documents as Postgres holds them. */
  documents: PostgresPersistence;
  /** The origins that may act for the board, and the address its links carry. */
  origins: OriginPolicy;
  health: BoardHealth;
  /**
   * Shuts down gracefully: refuses new clients and commands, answers the commands in flight, stores every pending Yjs
   * update, sends clients off to reconnect (elsewhere, behind a load balancer), and stops the database last.
   */
  close(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  /** Off in tests that bring their own data. */
  seedSample?: boolean;
  /** Where rate-limit counters live; memory unless several instances share them (Redis). */
  limiterStore?: LimiterStore;
  /** The limits themselves: LIMIT_RULES, unless a test that measures something else sends bursts beyond them. */
  limitRules?: Record<LimitName, LimitRule>;
}

export async function startBoard(config: Config, options: StartOptions = {}): Promise<RunningBoard> {
  const log = options.log ?? console.log;
  const database = await openDatabase(config.databaseUrl, config.dataDir);
  // Run in reverse order of registration; the database, registered first, stops last.
  const cleanups: (() => Promise<void>)[] = [() => database.stop()];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`while stopping: ${error}`));
    cleanups.length = 0;
  };
  try {
    const db = createDatabaseClient(database.url);
    cleanups.push(() => db.$disconnect());
    // Instances booting together migrate and seed once: the first does it, the others wait and find it done.
    const sampleMeetingId = await withBootLock(
      database.url,
      async () => {
        const applied = await applyMigrations(database.url);
        if (applied.length) log(`Database migrated: ${applied.join(', ')}`);
        return options.seedSample === false ? '' : (await seedSampleMeeting(db)).meetingId;
      },
      log,
    );
    // The hot paths: Yjs appends and the commands' short path (two round trips each).
    const pool = createPgPool(database.url, { max: 8, log });
    cleanups.push(() => pool.end());
    const probe = databaseProbe(database.url);
    // With REDIS_URL, one of several instances: Socket.io broadcasts, presence, rate limits and Yjs go through Redis.
    const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : null;
    if (redis) cleanups.push(() => redis.close());
    // Set once Socket.io runs: tells this instance's clients (the chair's banner) when Redis goes away or returns.
    let announceParts = () => {};
    const monitorLog = (name: string) => (part: { status: string; problem?: string }) => log(`${name} ${part.status}${part.problem ? ` (${part.problem})` : ''}`);
    const health: BoardHealth = {
      instanceId: newInstanceId(),
      database: new PartMonitor(probe, { onChange: monitorLog('database') }),
      redis:
        redis &&
        new PartMonitor(redis.probe, {
          onChange: (part) => {
            monitorLog('redis')(part);
            announceParts();
          },
        }),
      draining: false,
    };
    cleanups.push(async () => {
      health.database.stop();
      health.redis?.stop();
      await probe.close();
    });

    const secret = await loadSessionSecret(config.sessionSecret, config.dataDir);
    const sessions = createSessions(db, secret);
    const organisers = createOrganisers(db, secret);
    const board = (meetingId: string) => loadBoard(db, meetingId);
    const joinCodes = createJoinCodes(db, secret);

    await ensureWebBuild('missing', log);
    if (!webBuildIsCurrent()) log('The web app was built from older sources: `npm run build` rebuilds it.');
    const signer = await loadRecordSigner(config.recordSigningKey, config.dataDir);
    const frames = createFrameService(db, signer);
    const yjsLog = (event: string, detail: Record<string, unknown>) => log(`yjs ${event} ${JSON.stringify(detail)}`);
    const yjsPersistence = createPostgresPersistence(pool, { log: yjsLog });
    const origins = createOriginPolicy(() => ({
      publicUrl: config.publicUrl,
      host: config.host,
      port: (httpServer.address() as AddressInfo | null)?.port ?? config.port,
    }));
    const pdf = createPdfPrinter();
    cleanups.push(() => pdf.close());
    const minutesRecords = createMinutesRecords(db, signer);
    const minutesPrinter = createMinutesPrinter({ load: (meetingId) => yjsPersistence.load(formatDocName({ meetingId, kind: 'minutes' })), pdf });

    const events = createMeetingEventLog(db);
    const delivery = createDelivery({
      emit: (meetingId, event) => (io.local.to(meetingRoom(meetingId)).emit as (type: string, payload: unknown) => void)(event.type, event.payload),
      loadEvents: events.load,
      log: (message, error) => log(`${message}: ${error}`),
    });
    cleanups.push(async () => delivery.close());
    if (redis) {
      // Other instances' commits reach this one's sockets, in seq order, through Postgres itself.
      const listener = listenForEvents({
        connectionString: database.url,
        instanceId: health.instanceId,
        deliver: (meetingId, committed) => delivery.deliver(meetingId, committed),
        loadEvents: events.load,
        onReconnected: () => void delivery.catchUp(),
        log,
      });
      cleanups.push(() => listener.close());
      await listener.ready;
    }
    const limiterStore = options.limiterStore ?? (redis ? redisLimiterStore(redis.shared) : undefined);
    const limits = createRateLimits({ store: limiterStore, rules: options.limitRules, onStoreError: (error) => log(`rate limits unavailable, not limiting: ${error}`) });
    const pipeline = createCommandPipeline({
      db,
      pool,
      delivery,
      limiter: commandLimiter(limits, MEMBER_EVENTS),
      organiserAuthority: organisers.authority,
      signer,
      minutes: minutesPrinter,
      announce: redis ? (meetingId, committed) => notificationText(health.instanceId, meetingId, committed) : undefined,
    });
    const runCommand = ((name, actor, input, meetingId) => pipeline.execute(commandNamed(name) as SequencedCommand, actor, input, { meetingId })) as RunCommand;

    const people = createPeopleSetup({ db, sessions, runCommand, linkBase: () => origins.linkBase() });
    const plans = createPlanSetup({ db, runCommand });
    const imports = createImportSetup({ db, runCommand });
    const meetingSetup = createMeetingSetup({ db, runCommand });
    const joinRequests = createJoinRequests(db, sessions, secret, joinRequestNews(() => io));
    const services: AppServices = {
      runCommand,
      people,
      plans,
      imports,
      meetingSetup,
      frames,
      minutes: minutesRecords,
      sessions,
      organisers,
      loadBoard: board,
      loadRecord: (meetingId) => loadMeetingRecord(db, meetingId),
      listMeetings: () => listMeetings(db),
      linkBase: () => origins.linkBase(),
      joinCode: (meetingId) => joinCodes.codeFor(meetingId),
      meetingForJoinCode: (code) => joinCodes.meetingFor(code),
      joinRequests,
      limit: (name, address) => limits.take(name, address),
      loadAttendance: (meetingId) => loadAttendanceSheet(db, meetingId),
    };
    const app = createExpressApp({
      health,
      services,
      pages: await loadPagesHandler(),
      routers: [
        peopleApiRouter({ people, organisers, sessions, linkBase: () => origins.linkBase() }),
        plansApiRouter({ plans, meetings: meetingSetup, organisers, sessions }),
        importApiRouter({ imports, organisers, sessions, limits }),
        projectListApiRouter({ runCommand, organisers, sessions }),
        meetingDocumentsRouter({
          db,
          sessions,
          frames,
          minutes: minutesRecords,
          pdf,
          yjs: yjsPersistence,
          bringMinutesUpToDate: (meetingId) => minutesSync.bringUpToDate(meetingId),
          runCommand,
          limits,
          linkBase: () => origins.linkBase(),
        }),
      ],
      publicProtocol: config.publicUrl?.startsWith('https:') ? 'https' : 'http',
      origins,
    });
    const httpServer = createServer(app);

    const sharedPresence = redis && redisPresence({ instanceId: health.instanceId, client: redis.shared, subscriber: redis.subscriber });
    await sharedPresence?.start();
    // Each instance tells its own sockets: the list it sends is what it knows of every instance's people.
    const presence = createPresenceTracker(
      db,
      presenceDeltas((meetingId, delta) => io.local.to(meetingRoom(meetingId)).emit('presence:changed', delta)),
      sharedPresence ?? undefined,
      log,
    );
    cleanups.push(() => presence.close());
    const gate = createCommandGate(health);
    const authorityChanges = new AuthorityChanges();
    const io: BoardServer = createSocketServer(httpServer, {
      authorityChanges,
      sessions,
      health,
      gate,
      features: [
        meetingHandlers({ loadBoard: board, projectDetails: (meetingId, projectId) => projectDetails(db, meetingId, projectId), events }),
        ceilingsHandlers({ db }),
        presenceHandlers({ db, presence }),
        commandHandlers(pipeline, SOCKET_COMMANDS),
        sandboxHandlers({ db }),
        joinRequestsHandlers({ joinRequests, log }),
        (socket) => {
          if (!health.redis) return;
          const parts = { redis: health.redis.current.status };
          // While Redis answers, through the adapter: what it stores gives the client the offset with which a dropped
          // connection is recovered (rooms, session, authenticated again) on whichever instance it reaches. Should
          // Redis fail just then, this waits for it; nothing else does, and the monitor tells the client meanwhile.
          if (health.redis.up) socket.emit('server:parts', parts);
          else toSocket(socket).emit('server:parts', parts);
        },
      ],
      currentSeq: async (meetingId) => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { seq: true } })).seq,
      allowOrigin: origins.allows,
      attachLimits: (socket) => attachSocketLimits(socket, limits, SEQUENCED_EVENTS),
      adapter: redis ? createAdapter(redis.relay) : undefined,
    });
    const yjs = createYjsEndpoint({
      authorityChanges,
      pathPrefix: YJS_PATH,
      persistence: yjsPersistence,
      initialContent: (docName) => initialDocContent(db, docName),
      meetingStatus: async (meetingId) => (await db.meeting.findUnique({ where: { id: meetingId }, select: { status: true } }))?.status ?? 'closed',
      minutesState: (meetingId) => minutesStateOf(db, meetingId),
      allowOrigin: origins.allows,
      authenticate: (req) => authenticateYjs(sessions, YJS_PATH, req),
      relay: redis ? redisYjsRelay({ instanceId: health.instanceId, publisher: redis.relay, subscriber: redis.subscriber, log }) : undefined,
      onDocumentLoaded: (docName) => minutesSync.loaded(docName),
      log: yjsLog,
    });
    const minutesSync = createMinutesSync({ db, pool, persistence: yjsPersistence, documents: yjs, log: yjsLog });
    delivery.onDelivered(minutesSync.effect);
    announceParts = () => health.redis && io.local.emit('server:parts', { redis: health.redis.current.status });
    delivery.onDelivered(authorityEffects({ io, presence, changes: authorityChanges, yjs }));
    httpServer.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket.io/')) {
        if (!yjs.handleUpgrade(req, socket, head)) socket.destroy();
      }
    });

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
    cleanups.push(async () => {
      // Stop accepting first: the load balancer sees the port close and /healthz say "draining" on open connections.
      health.draining = true;
      httpServer.close();
      httpServer.closeIdleConnections();
      const [commands] = await Promise.all([gate.drain(COMMAND_DRAIN_MS), yjs.close()]);
      if (commands.cut > 0) log(`${commands.cut} command(s) still running at shutdown were refused`);
      await yjsPersistence.settled();
      await closeSocketServer(io);
    });
    const { port } = httpServer.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      url: config.publicUrl ?? `http://${host}:${port}`,
      port,
      databaseUrl: database.url,
      sampleMeetingId,
      db,
      sessions,
      organisers,
      services,
      io,
      frames,
      delivery,
      runCommand,
      documents: yjsPersistence,
      origins,
      health,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
