// The project list was replaced by an import: clients reload the whole board (the seq says where it stands).
export interface ProjectImportServerEvents {
  'projects:replaced': (event: { seq: number }) => void;
}
