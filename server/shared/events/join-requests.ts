// Requests to join from the room screen's code, on the wire: not meeting state (nothing is sequenced; the chair's
// decision seats a participant through the join-request service), so they go only to the sockets of those who may
// decide them (`join:admit`), in the meeting's admitters' room. A socket that joins it is first sent the whole
// waiting list; from then on each new request and each decision, whoever took it and on whichever device.

/** A roster person as a join page names them: in Thai, and in English where the roster gives it. */
export interface RosterName {
  id: string;
  nameTh: string;
  nameEn: string;
}

export interface JoinRequestView {
  id: string;
  name: string;
  /** Who they say they are on the roster, if anyone. */
  claimed: RosterName | null;
  createdAt: string;
}

export interface JoinRequestDecided {
  requestId: string;
  name: string;
  status: 'admitted' | 'refused';
  /** Who decided, as the request records it. */
  decidedBy: string;
}

export interface JoinRequestsServerEvents {
  /** The requests waiting now, oldest first: sent to a socket as it joins the admitters' room. */
  'join:waiting': (requests: JoinRequestView[]) => void;
  'join:asked': (request: JoinRequestView) => void;
  'join:decided': (decision: JoinRequestDecided) => void;
}
