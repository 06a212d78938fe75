// Runs s3rver (a local S3-compatible server, dev dependency) for the tests in a process of its own:
// s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers with
// node's --openssl-legacy-provider, a flag the test process itself should not need. Prints
// {"port":N} once listening; stops when its standard input closes (the test process ended).
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  server.close().then(() => process.exit(0));
});
