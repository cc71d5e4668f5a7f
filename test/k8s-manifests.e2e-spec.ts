import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { parseAllDocuments } from 'yaml';
import { createTestApp, createTestDatabase } from '@app/testing';
import { loadConfig } from '../src/config';
import { migrate } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';

type Manifest = { apiVersion: string; kind: string; metadata: { name: string } } & Record<string, any>;

const DIR = join(__dirname, '..', 'deploy', 'k8s');
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'batch/v1/Job': Job,
};

const manifests: Manifest[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((doc) => doc.toJS() as Manifest),
  );
const one = (kind: string, name = 'mentorship-backend') =>
  manifests.find((m) => m.kind === kind && m.metadata.name === name) as Manifest;

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('has every object RUNTIME.md and the deployment section of the README ask for', () => {
    expect(manifests.map((m) => m.kind).sort()).toEqual(
      [
        'ConfigMap',
        'Deployment',
        'HorizontalPodAutoscaler',
        'Job',
        'PodDisruptionBudget',
        'Secret',
        'Service',
      ].sort(),
    );
  });

  it.each(manifests.map((m) => [`${m.kind} ${m.metadata.name}`, m]))(
    '%s is valid against the Kubernetes schema',
    (_, m) => {
      const Model = MODELS[`${m.apiVersion}/${m.kind}`];
      expect(Model).toBeDefined();
      expect(() => new Model(m).validate()).not.toThrow();
    },
  );

  const deployment = one('Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const config = one('ConfigMap').data as Record<string, string>;
  const secret = one('Secret').stringData as Record<string, string>;

  it('runs 3 hardened replicas with probes, limits and a pre-stop delay', () => {
    expect(deployment.spec.replicas).toBe(3);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
    });
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits).toBeDefined();
    expect(container.lifecycle.preStop.sleep.seconds).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(container.lifecycle.preStop.sleep.seconds);
  });

  it('wires labels, names and ports consistently', () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    expect(one('Service').spec.selector).toEqual(labels);
    expect(one('PodDisruptionBudget').spec.selector.matchLabels).toEqual(labels);
    expect(one('HorizontalPodAutoscaler').spec.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: 'mentorship-backend',
    });
    expect(one('PodDisruptionBudget').spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    const port = container.ports.find((p: { name: string }) => p.name === 'http').containerPort;
    expect(String(port)).toBe(config.PORT);
    expect(one('Service').spec.ports[0].targetPort).toBe('http');
    expect(container.readinessProbe.httpGet.port).toBe('http');
    for (const ref of container.envFrom) {
      const name = ref.configMapRef?.name ?? ref.secretRef?.name;
      expect(
        manifests.some((m) => m.metadata.name === name && (m.kind === 'ConfigMap' || m.kind === 'Secret')),
      ).toBe(true);
    }
  });

  it('uses only variable names the app reads, and a configuration the app accepts', () => {
    const source = readFileSync(join(__dirname, '..', 'src', 'config', 'load-config.ts'), 'utf8');
    for (const name of [...Object.keys(config), ...Object.keys(secret)]) {
      expect([name, source.includes(`'${name}'`)]).toEqual([name, true]);
    }
    expect(Object.keys(secret).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'SMTP_URL']);
    const loaded = loadConfig({ ...config, ...secret });
    expect(loaded.production).toBe(true);
    expect(loaded.port).toBe(Number(config.PORT));
    expect(loaded.migrationsRun).toBe(false);
  });

  it('passes Node only options that Node accepts from NODE_OPTIONS', () => {
    const options = container.env.find((v: { name: string }) => v.name === 'NODE_OPTIONS').value as string;
    const run = spawnSync(process.execPath, ['-e', '0'], {
      env: { NODE_OPTIONS: options },
      encoding: 'utf8',
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  it('points the probes at routes the app serves', async () => {
    const t = await createTestApp();
    try {
      await t.http.get(container.readinessProbe.httpGet.path).expect(200);
      await t.http.get(container.livenessProbe.httpGet.path).expect(200);
    } finally {
      await t.close();
    }
  });

  it('migrates with the Job command, idempotently', async () => {
    const job = one('Job', 'mentorship-backend-migrate');
    expect(job.spec.template.spec.containers[0].command).toEqual(['node', 'dist/main.js', 'migrate']);
    const database = await createTestDatabase();
    try {
      const all = MIGRATIONS.map((migration) => migration.name);
      expect(await migrate(database.config)).toEqual(all);
      expect(await migrate(database.config)).toEqual(all);
    } finally {
      await database.drop();
    }
  });
});
