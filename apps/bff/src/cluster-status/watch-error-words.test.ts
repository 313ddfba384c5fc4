import { describe, expect, it } from 'vitest';
import { describeWatchError, type WatchTarget } from './watch-error-words';

const target: WatchTarget = {
  what: 'Cluster resources in namespace nautes',
  missingHint: 'is MANAGEMENT_NAMESPACE right?',
  permission: 'get, list and watch on clusters',
};
const server = 'https://127.0.0.1:6443';

describe('describeWatchError', () => {
  it("when the list call is refused (ApiException: code and a Status body), then the words say what to grant, with the server's own message", () => {
    const error = Object.assign(new Error('HTTP-Code: 403'), {
      code: 403,
      body: JSON.stringify({
        kind: 'Status',
        message: 'clusters is forbidden: User "x" cannot list',
      }),
    });
    expect(describeWatchError(error, target, server)).toBe(
      'The management cluster refused to show Cluster resources in namespace nautes to the console (403 Forbidden): grant get, list and watch on clusters. Kubernetes said: clusters is forbidden: User "x" cannot list',
    );
  });

  it('when the watch is refused (an Error with statusCode), then 401 names the credentials to check', () => {
    const error = Object.assign(new Error('Unauthorized'), { statusCode: 401 });
    expect(describeWatchError(error, target, server)).toMatch(
      /^The management cluster at https:\/\/127\.0\.0\.1:6443 did not accept the console's credentials \(401 Unauthorized\): check the user in MANAGEMENT_KUBECONFIG/,
    );
  });

  it('when the collection does not exist, then the hint is given', () => {
    const error = Object.assign(new Error('Not Found'), { statusCode: 404 });
    expect(describeWatchError(error, target, server)).toContain(
      '(404 Not Found): is MANAGEMENT_NAMESPACE right?',
    );
  });

  it('when the server cannot be reached, then the connection error is told with the server', () => {
    const error = Object.assign(
      new Error('request to https://127.0.0.1:6443/apis failed, reason: connect ECONNREFUSED'),
      {
        code: 'ECONNREFUSED',
      },
    );
    expect(describeWatchError(error, target, server)).toBe(
      'The management cluster at https://127.0.0.1:6443 could not be reached: request to https://127.0.0.1:6443/apis failed, reason: connect ECONNREFUSED',
    );
  });
});
