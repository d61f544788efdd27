/**
 * The schema as a diagram: Prisma's data model and the doctor's check in, an SVG string out.
 * Models are boxes with their fields, relations are lines between them, the models Lucia uses
 * carry their role, and the session's relation to the user names its `userRelationKey`.
 *
 * Pure (no DOM): the playground's diagram pane puts the string in the page. The layout is a fixed
 * grid, so the same schema always gives the same picture (see `layoutSchemaDiagram`). Text is in
 * a monospace font, so its width is estimated from its length.
 */
import type { LuciaTable, SchemaCheck, SchemaField, SchemaModel } from "@lucia-auth/adapter-prisma/schema-doctor";

export interface DiagramField {
  readonly name: string;
  /** As the schema writes it: `String`, `String?`, `Session[]`. */
  readonly type: string;
  readonly isRelation: boolean;
}

export interface DiagramBox {
  readonly model: string;
  readonly role: LuciaTable | null;
  readonly fields: readonly DiagramField[];
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DiagramLine {
  /** The model holding the relation field (the side with `fields: […]` when there is one). */
  readonly from: string;
  readonly field: string;
  readonly to: string;
  /** The related model's field of the same relation (`auth_session Session[]`), when it has one. */
  readonly toField: string | null;
  /** `userRelationKey: "user"` on the session's relation to the user; null elsewhere. */
  readonly label: string | null;
}

export interface SchemaDiagram {
  readonly boxes: readonly DiagramBox[];
  readonly lines: readonly DiagramLine[];
  readonly width: number;
  readonly height: number;
  /** The diagram in words, for its accessible name. */
  readonly summary: string;
}

const fontSize = 12;
/** A monospace character is about 0.6 em wide; a little more leaves room for wider fallbacks. */
const charWidth = fontSize * 0.62;
const labelFontSize = 11;
const headerHeight = 26;
const rowHeight = 18;
const padding = 8;
const columnGap = 72;
const rowGap = 32;
/** Room around the grid for lines that loop out of a column. */
const margin = 36;

/**
 * Lays the data model out in two columns (half the page wide, the schema panel's width): session
 * above key on the left, user on the right between them, so both relations to the user cross
 * one gap; every other model after them, two to a row. `check` gives the roles (none when null).
 */
export function layoutSchemaDiagram(datamodel: readonly SchemaModel[], check: SchemaCheck | null): SchemaDiagram {
  const roleOf = (model: string): LuciaTable | null => (["user", "session", "key"] as const).find((role) => check?.models[role] === model) ?? null;
  const modelOf = (role: LuciaTable) => datamodel.find((model) => model.name === check?.models[role]) ?? null;
  const [session, user, key] = [modelOf("session"), modelOf("user"), modelOf("key")];
  const others = datamodel.filter((model) => model !== session && model !== user && model !== key);
  const sized = new Map(datamodel.map((model) => [model, sizeOf(model, roleOf(model.name))]));
  const lines = relationLines(datamodel, check);

  // Column 0: session, key, then every other model at an even place; column 1: user, then the rest.
  const inColumn: SchemaModel[][] = [[session, key].filter((model) => model !== null), user === null ? [] : [user]];
  others.forEach((model, index) => inColumn[index % 2]!.push(model));
  const columnWidths = inColumn.map((models) => Math.max(0, ...models.map((model) => sized.get(model)!.width)));
  const label = lines.find((line) => line.label !== null)?.label ?? null;
  const gap = Math.max(columnGap, label === null ? 0 : Math.ceil(labelWidth(label) + 24));
  const columnX = [margin, margin + columnWidths[0]! + (columnWidths[0]! > 0 ? gap : 0)];

  const place = new Map<SchemaModel, { x: number; y: number }>();
  const stackHeight = (models: readonly SchemaModel[]) => models.reduce((sum, model) => sum + sized.get(model)!.height, 0) + rowGap * Math.max(0, models.length - 1);
  const luciaLeft = inColumn[0]!.filter((model) => model === session || model === key);
  const luciaHeight = Math.max(stackHeight(luciaLeft), user === null ? 0 : sized.get(user)!.height);
  let y = margin + (luciaHeight - stackHeight(luciaLeft)) / 2;
  for (const model of luciaLeft) {
    place.set(model, { x: columnX[0]!, y: Math.round(y) });
    y += sized.get(model)!.height + rowGap;
  }
  if (user !== null) place.set(user, { x: columnX[1]!, y: Math.round(margin + (luciaHeight - sized.get(user)!.height) / 2) });
  let rowY = margin + (luciaHeight > 0 ? luciaHeight + rowGap : 0);
  for (let start = 0; start < others.length; start += 2) {
    const row = others.slice(start, start + 2);
    row.forEach((model) => place.set(model, { x: columnX[(inColumn[0]!.includes(model) ? 0 : 1)]!, y: rowY }));
    rowY += Math.max(...row.map((model) => sized.get(model)!.height)) + rowGap;
  }

  // A column's boxes share its width, so their edges, where the lines start, line up.
  const boxes = [session, user, key, ...others]
    .filter((model) => model !== null)
    .map((model) => ({ ...sized.get(model)!, ...place.get(model)!, width: columnWidths[inColumn[0]!.includes(model) ? 0 : 1]! }));
  const width = columnWidths[1]! > 0 ? columnX[1]! + columnWidths[1]! + margin : columnX[0]! + columnWidths[0]! + margin;
  const height = Math.max(2 * margin, ...boxes.map((box) => box.y + box.height + margin));
  return { boxes, lines, width, height, summary: summaryOf(boxes, lines) };
}

function sizeOf(model: SchemaModel, role: LuciaTable | null): Omit<DiagramBox, "x" | "y"> {
  const fields = model.fields.map((field) => ({ name: field.name, type: typeOf(field), isRelation: field.kind === "object" }));
  const nameColumn = Math.max(0, ...fields.map((field) => field.name.length));
  const typeColumn = Math.max(0, ...fields.map((field) => field.type.length));
  const header = textWidth(model.name) + (role === null ? 0 : badgeWidth(role) + padding);
  const rows = fields.length === 0 ? 0 : textWidth("x".repeat(nameColumn + 2 + typeColumn));
  return {
    model: model.name,
    role,
    fields,
    width: Math.ceil(Math.max(120, header, rows) + 2 * padding),
    height: headerHeight + Math.max(1, fields.length) * rowHeight + padding,
  };
}

function typeOf(field: SchemaField): string {
  if (field.isList === true) return `${field.type}[]`;
  return field.isRequired === false ? `${field.type}?` : field.type;
}

const textWidth = (text: string) => text.length * charWidth;
const badgeWidth = (role: string) => role.length * charWidth * 0.9 + 10;
/** A label is set in two lines, `userRelationKey:` over its value, so it fits a narrow gap. */
const labelLines = (label: string) => label.split(/(?<=:) /);
const labelWidth = (label: string) => Math.max(...labelLines(label).map((line) => line.length)) * labelFontSize * 0.62 + 8;

/**
 * One line per relation: from the field that holds the foreign key (a 1-n relation's list side
 * draws nothing), or from the first field of a relation without one (many-to-many).
 */
function relationLines(datamodel: readonly SchemaModel[], check: SchemaCheck | null): DiagramLine[] {
  const lines: DiagramLine[] = [];
  const drawn = new Set<string>();
  const relationFields = datamodel.flatMap((model) => model.fields.filter((field) => field.kind === "object").map((field) => ({ model, field })));
  const owning = relationFields.filter(({ field }) => (field.relationFromFields?.length ?? 0) > 0);
  for (const { model, field } of [...owning, ...relationFields]) {
    const relation = `${field.relationName ?? `${model.name}.${field.name}`}\u0000${[model.name, field.type].sort().join("\u0000")}`;
    if (drawn.has(relation)) continue;
    drawn.add(relation);
    const isUserRelation = check !== null && model.name === check.models.session && field.name === check.userRelationKey && field.type === check.models.user;
    const back = datamodel
      .find((candidate) => candidate.name === field.type)
      ?.fields.find((other) => other.kind === "object" && other !== field && other.relationName === field.relationName && other.type === model.name);
    lines.push({ from: model.name, field: field.name, to: field.type, toField: back?.name ?? null, label: isUserRelation ? `userRelationKey: ${JSON.stringify(field.name)}` : null });
  }
  return lines;
}

function summaryOf(boxes: readonly DiagramBox[], lines: readonly DiagramLine[]): string {
  const models = boxes.map((box) => (box.role === null ? box.model : `${box.model} (${box.role})`));
  const relations = lines.map((line) => `${line.from}.${line.field} → ${line.to}${line.label === null ? "" : " (userRelationKey)"}`);
  const count = `${boxes.length} ${boxes.length === 1 ? "model" : "models"}`;
  return `${count}${models.length > 0 ? `: ${models.join(", ")}` : ""}${relations.length > 0 ? `; relations: ${relations.join(", ")}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// SVG

/** The diagram as an SVG element's markup; every name from the schema is escaped. */
export function schemaDiagramSvg(diagram: SchemaDiagram): string {
  const byModel = new Map(diagram.boxes.map((box) => [box.model, box]));
  const lines = diagram.lines.flatMap((line) => {
    const from = byModel.get(line.from);
    const to = byModel.get(line.to);
    return from === undefined || to === undefined ? [] : [lineSvg(line, from, to)];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pg-diagram-svg" role="img" aria-label="${escape(diagram.summary)}"`,
    ` viewBox="0 0 ${diagram.width} ${diagram.height}" width="${diagram.width}" height="${diagram.height}" font-size="${fontSize}">`,
    `<g class="pg-diagram-lines">${lines.map((line) => line.path).join("")}</g>`,
    diagram.boxes.map(boxSvg).join(""),
    lines.map((line) => line.label).join(""),
    "</svg>",
  ].join("");
}

function boxSvg(box: DiagramBox): string {
  const { x, y, width, height } = box;
  const parts = [
    `<g class="pg-diagram-box"${box.role === null ? "" : ` data-role="${box.role}"`} data-model="${escape(box.model)}">`,
    `<rect class="pg-diagram-frame" x="${x}" y="${y}" width="${width}" height="${height}" rx="6"/>`,
    `<path class="pg-diagram-header" d="M${x} ${y + headerHeight}V${y + 6}q0 -6 6 -6H${x + width - 6}q6 0 6 6V${y + headerHeight}Z"/>`,
    `<text class="pg-diagram-model" x="${x + padding}" y="${y + 17}">${escape(box.model)}</text>`,
  ];
  if (box.role !== null) {
    const badge = round(badgeWidth(box.role));
    const badgeX = round(x + width - padding - badge);
    parts.push(
      `<rect class="pg-diagram-badge" x="${badgeX}" y="${y + 5}" width="${badge}" height="16" rx="8"/>`,
      `<text class="pg-diagram-role" x="${round(badgeX + badge / 2)}" y="${y + 17}" text-anchor="middle">${box.role}</text>`,
    );
  }
  const nameColumn = Math.max(0, ...box.fields.map((field) => field.name.length));
  box.fields.forEach((field, index) => {
    const rowY = y + headerHeight + index * rowHeight + 13;
    parts.push(
      `<text class="pg-diagram-field" x="${x + padding}" y="${rowY}">${escape(field.name)}</text>`,
      `<text class="pg-diagram-type${field.isRelation ? " pg-diagram-relation-type" : ""}" x="${round(x + padding + textWidth("x".repeat(nameColumn + 2)))}" y="${rowY}">${escape(field.type)}</text>`,
    );
  });
  if (box.fields.length === 0) parts.push(`<text class="pg-diagram-field" x="${x + padding}" y="${y + headerHeight + 13}">(no fields)</text>`);
  parts.push("</g>");
  return parts.join("");
}

/** A curve from the relation field's row to the related model's header, and its label. */
function lineSvg(line: DiagramLine, from: DiagramBox, to: DiagramBox): { path: string; label: string } {
  const fieldIndex = from.fields.findIndex((field) => field.name === line.field);
  const startY = from.y + headerHeight + Math.max(0, fieldIndex) * rowHeight + rowHeight / 2;
  const backIndex = to.fields.findIndex((field) => field.name === line.toField);
  const endY = backIndex < 0 ? to.y + headerHeight / 2 : to.y + headerHeight + backIndex * rowHeight + rowHeight / 2;
  let d: string;
  let arrow: string;
  let labelX: number;
  let labelY: number;
  if (from === to || (to.x < from.x + from.width && from.x < to.x + to.width)) {
    // In one column: out of the left side and back in, around the outside.
    const startX = from.x;
    const endX = to.x;
    const bulge = from === to ? 28 : 32;
    d = `M${startX} ${startY}C${startX - bulge} ${startY} ${endX - bulge} ${endY} ${endX} ${endY}`;
    arrow = arrowHead(endX, endY, 1);
    labelX = Math.min(startX, endX) - bulge;
    labelY = (startY + endY) / 2;
  } else {
    const rightward = to.x > from.x;
    const startX = rightward ? from.x + from.width : from.x;
    const endX = rightward ? to.x : to.x + to.width;
    const middle = (startX + endX) / 2;
    d = `M${startX} ${startY}C${middle} ${startY} ${middle} ${endY} ${endX} ${endY}`;
    arrow = arrowHead(endX, endY, rightward ? 1 : -1);
    labelX = middle;
    labelY = (startY + endY) / 2;
  }
  const kind = line.label === null ? "pg-diagram-line" : "pg-diagram-line pg-diagram-user-relation";
  const path = `<g class="${kind}" data-from="${escape(line.from)}" data-field="${escape(line.field)}" data-to="${escape(line.to)}"><path d="${d}"/><path class="pg-diagram-arrow" d="${arrow}"/></g>`;
  if (line.label === null) return { path, label: "" };
  const [first, ...rest] = labelLines(line.label);
  const boxWidth = round(labelWidth(line.label));
  const boxHeight = (rest.length + 1) * 14 + 6;
  const top = round(labelY - boxHeight / 2);
  const centre = round(labelX);
  const label = [
    `<g class="pg-diagram-label">`,
    `<rect x="${round(labelX - boxWidth / 2)}" y="${top}" width="${boxWidth}" height="${boxHeight}" rx="4"/>`,
    `<text x="${centre}" y="${top + 14}" text-anchor="middle" font-size="${labelFontSize}">${escape(first!)}`,
    ...rest.map((text) => ` <tspan x="${centre}" dy="14">${escape(text)}</tspan>`),
    "</text></g>",
  ].join("");
  return { path, label };
}

/** A small triangle whose tip is at (x, y), pointing right (1) or left (-1). */
function arrowHead(x: number, y: number, direction: 1 | -1): string {
  return `M${x} ${y}L${round(x - 7 * direction)} ${y - 4}L${round(x - 7 * direction)} ${y + 4}Z`;
}

const round = (value: number) => Math.round(value * 10) / 10;

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}
