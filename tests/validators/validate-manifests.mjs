// Validates Kubernetes and Argo Workflows manifests against the real schemas shipped by
// kubernetes-models and @kubernetes-models/argo-workflows (generated from the Kubernetes
// OpenAPI spec and Argo's CRDs). Usage: node validate-manifests.mjs FILE.yaml...
// Prints one line per problem ("FILE: document N (Kind name): message") and exits 1 on any.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import * as core from "kubernetes-models/v1";
import * as batch from "kubernetes-models/batch/v1";
import * as argo from "@kubernetes-models/argo-workflows/argoproj.io/v1alpha1";

const models = {
  "v1/ConfigMap": core.ConfigMap,
  "v1/Secret": core.Secret,
  "v1/Namespace": core.Namespace,
  "batch/v1/Job": batch.Job,
  "batch/v1/CronJob": batch.CronJob,
  "argoproj.io/v1alpha1/WorkflowTemplate": argo.WorkflowTemplate,
  "argoproj.io/v1alpha1/CronWorkflow": argo.CronWorkflow,
  "argoproj.io/v1alpha1/Workflow": argo.Workflow,
};

// The compiled schemas accept fields they do not declare (Kubernetes allows them and drops
// them), which is where a typo hides. So every key must also be a field some model declares:
// the property names of the packages' type declarations (.d.ts), except inside free-form maps.
const freeForm = new Set(["labels", "annotations", "data", "stringData", "binaryData", "matchLabels",
  "nodeSelector", "limits", "requests"]);
function declaredFields() {
  const fields = new Set();
  const root = join(dirname(fileURLToPath(import.meta.url)), "node_modules");
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".d.ts"))
        for (const m of readFileSync(path, "utf8").matchAll(/^\s+"([A-Za-z0-9_$-]+)"\??:/gm)) fields.add(m[1]);
    }
  };
  for (const pkg of ["kubernetes-models", "@kubernetes-models"]) walk(join(root, pkg));
  return fields;
}
const fields = declaredFields();
function unknownKeys(value, path, found) {
  if (Array.isArray(value)) return value.forEach((item, i) => unknownKeys(item, `${path}[${i}]`, found));
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) found.push(`${path}/${key}: no such field in any Kubernetes or Argo model`);
    if (!freeForm.has(key)) unknownKeys(child, `${path}/${key}`, found);
  }
}

let problems = 0;
for (const file of process.argv.slice(2)) {
  const docs = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d);
  docs.forEach((doc, i) => {
    const where = `${file}: document ${i + 1} (${doc.kind} ${doc.metadata?.name ?? "?"})`;
    const Model = models[`${doc.apiVersion}/${doc.kind}`];
    if (!Model) {
      console.log(`${where}: no schema for apiVersion ${doc.apiVersion}, kind ${doc.kind}`);
      problems++;
      return;
    }
    try {
      new Model(doc).validate();
    } catch (e) {
      console.log(`${where}: ${e.message}`);
      problems++;
    }
    const unknown = [];
    unknownKeys(doc, "data", unknown);
    for (const u of unknown) {
      console.log(`${where}: ${u}`);
      problems++;
    }
  });
}
process.exit(problems ? 1 : 0);
