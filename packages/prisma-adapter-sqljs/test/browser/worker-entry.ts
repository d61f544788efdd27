import { exercise } from "./exercise.ts";

addEventListener("message", (message: MessageEvent<{ wasmUrl: string }>) => {
	exercise(message.data.wasmUrl).then(
		(report) => postMessage({ report }),
		(error: unknown) => postMessage({ error: String(error) }),
	);
});
