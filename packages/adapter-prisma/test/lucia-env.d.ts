// Lucia v2 reads the app's attribute types from this global namespace.
declare namespace Lucia {
	type Auth = import("lucia").Auth;
	type DatabaseUserAttributes = Record<string, unknown>;
	type DatabaseSessionAttributes = Record<string, unknown>;
}
