import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The bench runs the app as its pod runs it (deploy/k8s/deployment.yaml): with the container's
 * NODE_OPTIONS and inside a memory cgroup of the container's limit. That limit matters beyond
 * the OOM line: Node sizes V8's heap from it, so memory and throughput measured on this 24 GB
 * machine without it would describe a process production never runs.
 */
export interface PodRuntime {
  memoryLimit: string;
  memoryLimitBytes: number;
  nodeOptions: string;
}

const UNITS: Record<string, number> = {
  '': 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  K: 1e3,
  M: 1e6,
  G: 1e9,
};

/** A Kubernetes memory quantity ("384Mi", "1G", "500000000") in bytes. */
export function quantityBytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unsupported memory quantity "${quantity}"`);
  return Math.round(Number(match[1]) * UNITS[match[2] ?? '']);
}

export function podRuntime(root: string): PodRuntime {
  const documents = parseAllDocuments(readFileSync(join(root, 'deploy', 'k8s', 'deployment.yaml'), 'utf8'));
  const deployment = documents.map((d) => d.toJS()).find((d) => d?.kind === 'Deployment');
  const container = deployment.spec.template.spec.containers[0];
  const memoryLimit = String(container.resources.limits.memory);
  const env = (container.env ?? []) as { name: string; value?: string }[];
  return {
    memoryLimit,
    memoryLimitBytes: quantityBytes(memoryLimit),
    nodeOptions: env.find((v) => v.name === 'NODE_OPTIONS')?.value ?? '',
  };
}

export interface MemoryCgroup {
  /** Writing a pid here moves that process into the group. */
  procs: string;
  remove(): void;
}

/** A memory cgroup (v1 or v2) limited to `bytes`, or null where this machine does not allow one. */
export function createMemoryCgroup(name: string, bytes: number): MemoryCgroup | null {
  const candidates = [
    { dir: join('/sys/fs/cgroup/memory', name), limitFile: 'memory.limit_in_bytes' },
    { dir: join('/sys/fs/cgroup', name), limitFile: 'memory.max' },
  ];
  for (const { dir, limitFile } of candidates) {
    if (!existsSync(join(dir, '..', 'cgroup.procs'))) continue;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, limitFile), String(bytes));
      return {
        procs: join(dir, 'cgroup.procs'),
        remove: () => {
          try {
            rmdirSync(dir);
          } catch {
            // still has a process in it (it is gone moments after exit); left for the OS
          }
        },
      };
    } catch {
      // not permitted (not root, or no memory controller): try the other layout
    }
  }
  return null;
}

/** How the bench starts the app: the pod's runtime, inside its memory cgroup where allowed. */
export interface Pod {
  runtime: PodRuntime;
  cgroup: MemoryCgroup | null;
}
