// The two ways to call prisma(), written as overloads.
import type { Adapter, InitializeAdapter } from "lucia";
import type { PrismaClient } from "./generated/prisma/client";

export declare function prisma(config: {
  client: PrismaClient;
  mode: "default";
}): InitializeAdapter<Adapter>;

export declare function prisma(config: {
  client: PrismaClient;
  modelNames: {
    user: string;
    key: string;
    session: string;
  };
  userRelationKey: string;
}): InitializeAdapter<Adapter>;
