// A learner's edits of a course script, kept in this browser's localStorage – nothing leaves the
// machine – per page, simulator and script, so that a reload does not lose them.
// Storage may be unavailable (blocked, full): then nothing is kept and save() says so.
const PREFIX = "kafkasim:entwurf:";

export function draftStore(scope) {
  const key = (script) => `${PREFIX}${scope}:${script}`;
  return {
    load(script) {
      try {
        return localStorage.getItem(key(script));
      } catch {
        return null;
      }
    },
    save(script, text) {
      try {
        localStorage.setItem(key(script), text);
        return true;
      } catch {
        return false;
      }
    },
    drop(script) {
      try {
        localStorage.removeItem(key(script));
      } catch {
        // nothing was kept, so there is nothing to drop
      }
    },
  };
}
