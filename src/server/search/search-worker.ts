import { parentPort } from 'node:worker_threads';
import { answer } from './search-engine.js';
import { SearchIndex } from './search-index.js';
import type { FromSearchThread, ToSearchThread } from './search-messages.js';

/** The search thread: holds the index and applies messages in the order they arrive. */
let index = new SearchIndex();
const port = parentPort;
if (port === null) throw new Error('search-worker runs as a worker thread');

port.on('message', (message: ToSearchThread) => {
  switch (message.kind) {
    case 'add':
      for (const entry of message.entries) index.add(entry);
      return;
    case 'entities':
      for (const [recordId, entityId] of message.moves) index.setEntity(recordId, entityId);
      return;
    case 'reset':
      index = new SearchIndex();
      return;
    case 'search': {
      let reply: FromSearchThread;
      try {
        reply = { kind: 'answer', id: message.id, ...answer(index, message.q, message.sources, message.limit) };
      } catch (error) {
        reply = { kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
    }
  }
});
