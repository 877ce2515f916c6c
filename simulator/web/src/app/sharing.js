// A simulator's state in the address (#ksim=<index>.<data>): read once at the start, written by
// "Teilen", dropped on a reset. The state is the cluster's own record (Cluster.to_state), not the
// page's commands, so a shared link stays valid when the page protocol changes.
import { REQ } from "../protocol.js";
import { presetFor } from "../presets.js";
import { decodeState, encodeState, shareUrl, stateInUrl } from "../urlstate.js";
import { SPEEDS } from "./session.js";

export const SHARING = {
  // {restored, notice}: the shared state if the address carries one for this simulator (it also
  // chooses the preset and the speed), or a notice why it could not be read.
  async readSharedState() {
    if (!stateInUrl(this.index)) return { restored: null, notice: "" };
    try {
      const restored = await decodeState(stateInUrl(this.index));
      if (presetFor(restored.preset)) this.presetName = restored.preset;
      this.speed = SPEEDS.includes(restored.speed) ? restored.speed : 1;
      return { restored, notice: "" };
    } catch {
      return { restored: null, notice: "Der geteilte Zustand in der Adresse ist beschädigt; die Ausgangslage des Szenarios wird geladen." };
    }
  },

  // After a reset the address must not bring the shared state back on the next reload.
  forgetSharedState() {
    this.shareRow.hidden = true;
    this.shareBox.value = "";
    if (stateInUrl(this.index) !== null) history.replaceState(null, "", `${location.pathname}${location.search}`);
  },

  async share() {
    const reply = await this.request(REQ.GET_STATE, {});
    if (!reply.ok) {
      this.status(`Teilen nicht möglich: ${reply.error}`, "error");
      return;
    }
    const url = shareUrl(await encodeState({ v: 1, preset: this.presetName, speed: this.speed, state: reply.state }), this.index);
    this.shareBox.value = url;
    this.shareRow.hidden = false;
    history.replaceState(null, "", url);
    this.shareBox.select();
    try {
      await navigator.clipboard.writeText(url);
      this.status("Link in die Zwischenablage kopiert.");
    } catch {
      this.status("Link erstellt: kopieren Sie ihn aus dem Feld.");
    }
  },
};
