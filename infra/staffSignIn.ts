import { Duration } from 'aws-cdk-lib';
import { OAuthScope, type UserPoolClientOptions } from 'aws-cdk-lib/aws-cognito';
import type { DeploymentSettings } from './config.js';

/**
 * How staff sign in: Cognito's managed login with the OAuth 2.0 authorization code grant, for a
 * public client (no secret) that must use PKCE. No implicit grant (tokens in URLs), no client
 * credentials, and no direct username/password or SRP flows against the client: the only way to
 * a token is the code grant through the callback URLs configured for the force's staff site.
 *
 * Cognito has no switch that refuses a code request without a code_challenge; PKCE is required
 * of the staff front end (README, "Staff sign-in"), and the exact callback URLs and the absence
 * of a secret or implicit flow are what Cognito enforces.
 */
export function staffSignIn(settings: Pick<DeploymentSettings, 'staffCallbackUrls' | 'staffLogoutUrls'>): UserPoolClientOptions {
  return {
    // Only refresh tokens may be used directly; sign-in itself goes through the code grant.
    authFlows: { user: false, userPassword: false, userSrp: false, custom: false, adminUserPassword: false },
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: settings.staffCallbackUrls,
      logoutUrls: settings.staffLogoutUrls,
    },
    authSessionValidity: Duration.minutes(3),
  };
}
