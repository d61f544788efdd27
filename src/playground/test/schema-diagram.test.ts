/**
 * The playground's schema diagram over Prisma's real DMMF: the boxes, the Lucia roles, one line
 * per relation and the userRelationKey label, for the reference schema and a renamed one; and
 * that names from the schema reach the SVG escaped.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadSchemaCompiler, type SchemaCompiler } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import { checkSchema, type SchemaModel } from "@lucia-auth/adapter-prisma/schema-doctor";
import { layoutSchemaDiagram, schemaDiagramSvg, type SchemaDiagram } from "../page/schema-diagram.ts";

const schemaFile = (name: string) => readFile(fileURLToPath(new URL(`../../../packages/adapter-prisma/schemas/${name}.sqlite.prisma`, import.meta.url)), "utf8");
let compiler: SchemaCompiler;
let reference: string;
let renamed: string;

before(async () => {
  [compiler, reference, renamed] = await Promise.all([loadSchemaCompiler(nodeWasmSource()), schemaFile("reference"), schemaFile("renamed")]);
});

function diagramOf(text: string): SchemaDiagram {
  const compiled = compiler.compile(text, { provider: "sqlite" });
  assert.ok(compiled.ok, "Prisma accepts the schema");
  return layoutSchemaDiagram(compiled.schema.datamodel, checkSchema(compiled.schema.datamodel, { provider: compiled.schema.provider }));
}

const roles = (diagram: SchemaDiagram) => Object.fromEntries(diagram.boxes.map((box) => [box.model, box.role]));
const lines = (diagram: SchemaDiagram) => diagram.lines.map((line) => `${line.from}.${line.field} -> ${line.to}${line.label === null ? "" : ` [${line.label}]`}`);

describe("the schema diagram", () => {
  test("the reference schema: three boxes with their roles, the user between session and key, one line per relation", () => {
    const diagram = diagramOf(reference);
    assert.deepEqual(roles(diagram), { Session: "session", User: "user", Key: "key" });
    assert.deepEqual(diagram.boxes.map((box) => box.model), ["Session", "User", "Key"]);
    assert.deepEqual(lines(diagram), ['Session.user -> User [userRelationKey: "user"]', "Key.user -> User"]);
    const user = diagram.boxes.find((box) => box.model === "User")!;
    assert.deepEqual(user.fields.find((field) => field.name === "auth_session"), { name: "auth_session", type: "Session[]", isRelation: true });
    const [session, key] = [diagram.boxes.find((box) => box.model === "Session")!, diagram.boxes.find((box) => box.model === "Key")!];
    // Session above key on the left, the user to their right, between them.
    assert.ok(session.y + session.height < key.y && session.x === key.x && user.x > session.x + session.width);
    assert.ok(user.y + user.height / 2 > session.y && user.y + user.height / 2 < key.y + key.height);
    assert.deepEqual(key.fields.find((field) => field.name === "hashed_password"), { name: "hashed_password", type: "String?", isRelation: false });
    assert.equal(diagram.summary, "3 models: Session (session), User (user), Key (key); relations: Session.user → User (userRelationKey), Key.user → User");
  });

  test("the boxes do not overlap, and fit in the diagram", () => {
    const diagram = diagramOf(reference);
    for (const box of diagram.boxes) {
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= diagram.width && box.y + box.height <= diagram.height, box.model);
      for (const other of diagram.boxes) {
        if (other === box) continue;
        const apart = box.x + box.width <= other.x || other.x + other.width <= box.x || box.y + box.height <= other.y || other.y + other.height <= box.y;
        assert.ok(apart, `${box.model} and ${other.model}`);
      }
    }
  });

  test("renamed models: the roles follow the models, and the label names the relation owner", () => {
    const diagram = diagramOf(renamed);
    assert.deepEqual(roles(diagram), { AuthSession: "session", AuthUser: "user", AuthKey: "key" });
    assert.deepEqual(lines(diagram), ['AuthSession.owner -> AuthUser [userRelationKey: "owner"]', "AuthKey.owner -> AuthUser"]);
    const svg = schemaDiagramSvg(diagram);
    assert.match(svg, /^<svg [^>]*role="img"/);
    assert.match(svg, /aria-label="3 models: AuthSession \(session\), AuthUser \(user\), AuthKey \(key\); relations: AuthSession.owner → AuthUser \(userRelationKey\), AuthKey.owner → AuthUser"/);
    assert.match(svg, /<text class="pg-diagram-model"[^>]*>AuthSession<\/text>/);
    assert.match(svg, /<text class="pg-diagram-role"[^>]*>session<\/text>/);
    assert.match(svg, />userRelationKey: <tspan[^>]*>&quot;owner&quot;<\/tspan><\/text>/);
    assert.equal(svg.match(/class="pg-diagram-line[ "]/g)?.length, 2);
  });

  test("models Lucia does not use come after its three, without a role; a many-to-many relation is one line", () => {
    const diagram = diagramOf(
      `${reference}\nmodel Post {\n  id   String @id\n  tags Tag[]\n}\n\nmodel Tag {\n  id    String @id\n  posts Post[]\n}\n`,
    );
    assert.deepEqual(diagram.boxes.map((box) => [box.model, box.role]), [["Session", "session"], ["User", "user"], ["Key", "key"], ["Post", null], ["Tag", null]]);
    assert.ok(diagram.boxes[3]!.y > diagram.boxes[0]!.y);
    assert.deepEqual(lines(diagram).slice(2), ["Post.tags -> Tag"]);
  });

  test("names from the schema are escaped in the SVG", () => {
    const datamodel: SchemaModel[] = [{ name: "A<b>&\"c'", fields: [{ name: "x<y", kind: "scalar", type: "String&", isRequired: true, isList: false }] }];
    const svg = schemaDiagramSvg(layoutSchemaDiagram(datamodel, null));
    assert.doesNotMatch(svg, /<b>|x<y|String&[^a#]/);
    assert.match(svg, />A&lt;b&gt;&amp;&quot;c&#39;<\/text>/);
    assert.match(svg, /aria-label="1 model: A&lt;b&gt;&amp;&quot;c&#39;"/);
  });
});
