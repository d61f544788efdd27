import { currentSession, signIn, signUp } from "./sign-up";

const username = "ada";
const password = "correct horse battery staple";

const signedUp = await signUp(username, password);
console.log(signedUp ? `signed up ${username}` : `${username} is taken`);

const session = await signIn(username, password);
if (session === null) throw new Error(`could not sign in as ${username}`);
console.log(`signed in as ${username}`);

console.log(
  (await signIn(username, "not the password")) === null
    ? "a wrong password is refused"
    : "a wrong password was accepted!",
);

// What a request does with the session id from its cookie.
const validated = await currentSession(session.sessionId);
console.log(
  validated?.user.userId === session.user.userId
    ? `the session is valid and ${validated.state}, for ${username}'s user`
    : "the session is not valid",
);
