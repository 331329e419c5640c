import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/staff/domain/roles';

/** The callback of the staff pages' sign-in (shared/staff/adapters/sign-in.ts CALLBACK_PATH). */
export const SIGN_IN_CALLBACK_PATH = '/staff/auth/callback';
/** Where the hosted UI's logout comes back to: the queue, which sends a signed-out browser to sign in again. */
export const SIGN_OUT_PATH = '/staff/claims';

/**
 * Staff sign-in: a Cognito user pool with one group per role, and its hosted UI (a Cognito domain) for browsers.
 * Functions verify the pool's access tokens themselves (StaffAuth, one code path with the twin's issuer). No self
 * sign-up: an admin creates staff accounts.
 */
export class StaffDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: { domainPrefix?: string } = {}) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // One group per role (the coordinator's too). Scopes are groups as well (`district:317301`, `province:31`), created
    // by the admin's routes when an account first needs one: access tokens carry groups, not custom attributes.
    for (const role of ROLES)
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `Santunan ${role}`,
      });
    this.client = this.userPool.addClient('StaffClient', {
      authFlows: { userSrp: true },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
      generateSecret: false,
      // OAuth is switched on by allowBrowserSignIn once the site's URL is known: no implicit grant, no example callback.
      disableOAuth: true,
    });
    // The hosted UI's domain (`<prefix>.auth.<region>.amazoncognito.com`): the prefix is global per region, so by
    // default it carries the account id; `-c staffAuthDomainPrefix=...` names another.
    this.domain = this.userPool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `santunan-staff-${Aws.ACCOUNT_ID}` },
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG4',
      reason:
        'Not an API Gateway authorizer finding that applies here: staff routes verify Cognito access tokens in the function (StaffAuth), one code path shared with the local twin.',
    });
  }

  /**
   * The admin's routes manage staff accounts: create, disable and enable users, add and remove them from groups,
   * create a scope group when first needed, list users and their groups. On this pool only; no password or MFA calls,
   * no deleting users or groups.
   */
  grantAdministration(grantee: iam.IGrantable): void {
    this.userPool.grant(
      grantee,
      'cognito-idp:ListUsers',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:CreateGroup',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
    );
  }

  /**
   * Browsers sign in through the hosted UI with the authorization code flow (PKCE, public client): the only callback
   * is the site's `/staff/auth/callback` and the only logout target its queue, so a code or a sign-out can be sent
   * nowhere else.
   */
  allowBrowserSignIn(siteUrl: string): void {
    const client = this.client.node.defaultChild as cognito.CfnUserPoolClient;
    client.allowedOAuthFlowsUserPoolClient = true;
    client.allowedOAuthFlows = ['code'];
    client.allowedOAuthScopes = ['openid'];
    client.supportedIdentityProviders = ['COGNITO'];
    client.callbackUrLs = [`${siteUrl}${SIGN_IN_CALLBACK_PATH}`];
    client.logoutUrLs = [`${siteUrl}${SIGN_OUT_PATH}`];
  }

  /** The hosted UI's base URL (STAFF_AUTH_URL): `/oauth2/authorize`, `/oauth2/token` and `/logout` are below it. */
  get signInUrl(): string {
    return this.domain.baseUrl();
  }

  get issuer(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
