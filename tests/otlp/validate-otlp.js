// Checks an OTLP JSON trace file against the OpenTelemetry protos (opentelemetry-proto, as an
// npm package ships them) and OTLP's JSON rules, strictly: every key must be a field of its
// message (lowerCamelCase), values must have the field's type (64-bit integers as decimal
// strings, enums as integers, trace and span ids as hex of 16 and 8 bytes, one value per
// AnyValue), and the request must encode to protobuf and decode back unchanged.
// Usage: NODE_PATH=.../node_modules node validate-otlp.js TRACE.json
// Prints "ok: N spans" and exits 0, or prints each problem and exits 1. The protos are those of
// @opentelemetry/otlp-grpc-exporter-base 0.38 (opentelemetry-proto of 2023); OTLP_PROTO_ROOT
// names another tree of .proto files, such as a checkout of today's opentelemetry-proto.
const fs = require('fs');
const path = require('path');
const protobuf = require('protobufjs');

const protoRoot = process.env.OTLP_PROTO_ROOT ||
  path.join(path.dirname(require.resolve('@opentelemetry/otlp-grpc-exporter-base/package.json')), 'build', 'protos');
const root = new protobuf.Root();
root.resolvePath = (origin, target) => path.join(protoRoot, target);
root.loadSync('opentelemetry/proto/collector/trace/v1/trace_service.proto');
root.resolveAll();
const Request = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');

const problems = [];
const problem = (where, text) => problems.push(`${where}: ${text}`);
const int64Types = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const int32Types = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const hexIds = { traceId: 32, spanId: 16, parentSpanId: 16 };

function checkScalar(field, value, where) {
  const type = field.type;
  if (field.resolvedType instanceof protobuf.Enum) {
    if (!Number.isInteger(value)) problem(where, `enum ${type} must be an integer in OTLP JSON, got ${JSON.stringify(value)}`);
    else if (!Object.values(field.resolvedType.values).includes(value)) problem(where, `${value} is no value of ${type}`);
  } else if (int64Types.has(type)) {
    if (typeof value !== 'string' || !/^-?\d+$/.test(value)) problem(where, `${type} must be a decimal string, got ${JSON.stringify(value)}`);
  } else if (int32Types.has(type)) {
    if (!Number.isInteger(value)) problem(where, `${type} must be an integer, got ${JSON.stringify(value)}`);
  } else if (type === 'double' || type === 'float') {
    if (typeof value !== 'number') problem(where, `${type} must be a number, got ${JSON.stringify(value)}`);
  } else if (type === 'bool') {
    if (typeof value !== 'boolean') problem(where, `bool expected, got ${JSON.stringify(value)}`);
  } else if (type === 'string') {
    if (typeof value !== 'string') problem(where, `string expected, got ${JSON.stringify(value)}`);
  } else if (type === 'bytes') {
    const length = hexIds[field.name];
    if (!length) problem(where, 'unexpected bytes field');
    else if (typeof value !== 'string' || !new RegExp(`^[0-9a-fA-F]{${length}}$`).test(value))
      problem(where, `${field.name} must be ${length} hex digits, got ${JSON.stringify(value)}`);
    else if (/^0+$/.test(value)) problem(where, `${field.name} must not be all zeros`);
  } else {
    problem(where, `unhandled type ${type}`);
  }
}

function checkMessage(type, object, where) {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    problem(where, `${type.name} must be an object`);
    return;
  }
  for (const [key, value] of Object.entries(object)) {
    const field = type.fields[key];
    if (!field) {
      problem(where, `${type.name} has no field '${key}' (keys are lowerCamelCase field names)`);
      continue;
    }
    const at = `${where}.${key}`;
    if (field.repeated) {
      if (!Array.isArray(value)) problem(at, 'a repeated field must be an array');
      else value.forEach((item, i) => checkValue(field, item, `${at}[${i}]`));
    } else {
      checkValue(field, value, at);
    }
  }
  for (const oneof of type.oneofsArray) {
    const set = oneof.oneof.filter((name) => name in object);
    if (set.length > 1) problem(where, `${type.name}.${oneof.name} has ${set.length} values: ${set.join(', ')}`);
    if (type.name === 'AnyValue' && set.length === 0) problem(where, 'an AnyValue needs a value');
  }
}

function checkValue(field, value, where) {
  if (field.resolvedType instanceof protobuf.Type) checkMessage(field.resolvedType, value, where);
  else checkScalar(field, value, where);
}

/// The JSON as protobufjs takes it: hex ids as bytes.
function toProtoObject(value, key) {
  if (Array.isArray(value)) return value.map((v) => toProtoObject(v));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = toProtoObject(v, k);
    return out;
  }
  if (key && hexIds[key] && typeof value === 'string') return Buffer.from(value, 'hex');
  return value;
}

const file = process.argv[2];
const json = JSON.parse(fs.readFileSync(file, 'utf8'));
checkMessage(Request, json, 'request');
let spans = 0;
for (const rs of json.resourceSpans || []) for (const ss of rs.scopeSpans || []) spans += (ss.spans || []).length;
if (spans === 0) problem('request', 'no spans');
if (problems.length === 0) {
  const message = Request.fromObject(toProtoObject(json));
  const verified = Request.verify(message);
  if (verified) problem('request', `protobufjs: ${verified}`);
  const decoded = Request.toObject(Request.decode(Request.encode(message).finish()), { longs: String, bytes: String });
  let back = 0;
  for (const rs of decoded.resourceSpans || []) for (const ss of rs.scopeSpans || []) back += (ss.spans || []).length;
  if (back !== spans) problem('request', `${spans} spans written, ${back} after a protobuf round trip`);
}
if (problems.length > 0) {
  for (const p of problems) console.log(p);
  process.exit(1);
}
console.log(`ok: ${spans} spans`);
