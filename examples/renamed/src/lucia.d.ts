/// <reference types="lucia" />
declare namespace Lucia {
  type Auth = import("./auth").Auth;
  // Extra columns of the AuthUser model, as Prisma returns them.
  type DatabaseUserAttributes = {
    username: string;
    email: string | null;
  };
  // Extra columns of the AuthSession model.
  type DatabaseSessionAttributes = {
    country: string | null;
  };
}
