import { exercise } from "./exercise.ts";

const target = globalThis as typeof globalThis & { runExercise?: typeof exercise };
target.runExercise = exercise;
