export interface WebServer {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  close(): Promise<void>;
}

export function prepareWeb(options?: { quiet?: boolean }): Promise<string>;

export function startWeb(options?: {
  port?: number;
  dataDir?: string;
  token?: string;
  /** The event API's port; 0 picks a free one. */
  eventApiPort?: number;
  quiet?: boolean;
}): Promise<WebServer>;
