/**
 * The Lucia operations whose SQL the docs show, in the order a user's life runs through them
 * (each capture runs on the state the previous ones left). The docs' page and the capture share it.
 */
export const operationNames = [
	"createUser",
	"createUser with key",
	"useKey",
	"createSession",
	"validateSession",
	"getAllUserSessions",
	"updateSessionAttributes",
	"invalidateSession",
	"invalidateAllUserSessions",
	"deleteUser"
] as const;

export type OperationName = (typeof operationNames)[number];
