import type { RouteAccess } from "./types";

// Who may call each route of the staff roster and training (issue 4). The roster list itself
// ("roster") is in core.ts. Everything here is HR only, except a person's own training.
const personParams = ({ somePersonId }: { somePersonId: string }) => ({ personId: somePersonId });
const sessionParams = ({ someTrainingSessionId }: { someTrainingSessionId: string }) => ({ sessionId: someTrainingSessionId });

export const trainingRoutes: Record<string, RouteAccess> = {
  "roster_.new": { loader: ["hr"], action: ["hr"] },
  "roster_.import": { loader: ["hr"], action: ["hr"] },
  "roster_.export": { loader: ["hr"] },
  "roster_.template": { loader: ["hr"] },
  "roster_.$personId": { loader: ["hr"], action: ["hr"], params: personParams },
  "roster_.$personId_.edit": { loader: ["hr"], action: ["hr"], params: personParams },
  "training._index": { loader: ["hr"] },
  "training.new": { loader: ["hr"], action: ["hr"] },
  "training.export": { loader: ["hr"] },
  "training.mine": { loader: "signed-in" },
  "training.$sessionId": { loader: ["hr"], action: ["hr"], params: sessionParams },
  "training.$sessionId_.attendance": { loader: ["hr"], action: ["hr"], params: sessionParams },
  "training.$sessionId_.import": { loader: ["hr"], action: ["hr"], params: sessionParams },
  "training.$sessionId_.export": { loader: ["hr"], params: sessionParams },
};
