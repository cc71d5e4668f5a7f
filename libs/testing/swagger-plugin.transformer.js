// Runs the @nestjs/swagger CLI plugin under ts-jest, so e2e specs see the same OpenAPI
// metadata as the webpack build (ts-jest wants a name, a version and a factory).
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) =>
  transformer.before(
    { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] },
    compiler.program,
  );
