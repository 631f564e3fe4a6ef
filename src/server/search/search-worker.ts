import { parentPort } from 'node:worker_threads';
import { answer } from './search-engine.js';
import { SearchIndex } from './search-index.js';
import type { FromSearchThread, ToSearchThread } from './search-messages.js';

/**
 * The search thread: holds the index and applies messages in the order they arrive. Answers
 * go back together: every search that was waiting when the thread turned to them is answered
 * in one message, so the server thread takes them in one turn and records them in one ledger
 * commit (under load, a few dozen searches a commit instead of three or four).
 */
let index = new SearchIndex();
let answers: FromSearchThread[] = [];
if (parentPort === null) throw new Error('search-worker runs as a worker thread');
const port = parentPort;

/** Runs once the messages already queued have been handled. */
function sendAnswers(): void {
  port.postMessage(answers);
  answers = [];
}

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
      if (answers.length === 0) setImmediate(sendAnswers);
      answers.push(reply);
    }
  }
});
