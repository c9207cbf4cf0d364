/**
 * TeamsAppsPort on Graph: proactive installation of the Samraad app for one user
 * and the 1:1 chat between that user and the bot, the route Microsoft documents
 * for a first proactive message ("Proactive installation of apps using Graph").
 *
 * 1. POST /users/{id}/teamwork/installedApps {"teamsApp@odata.bind": .../appCatalogs/teamsApps/{catalog id}}
 *    201: installed now; 409: it already was.
 * 2. GET /users/{id}/teamwork/installedApps/{installation id}/chat -> the chat id.
 *
 * The installation id: Graph answers the POST with 201 and no body, and listing a
 * user's installedApps (with $filter on the app) is not in the Graph contract we
 * call (graph-v1.0-subset.openapi.json has only POST and .../{id}/chat). A user
 * scope installation id is base64("{user id}##{catalog app id}"), the form Graph's
 * own documentation examples show; a body id, when Graph sends one, wins. Should
 * Graph ever answer 404 for the derived id, the person gets the e-mail instead
 * (null here), which is visible in the delivery's route.
 *
 * Permission: TeamsAppInstallation.ReadWriteSelfForUser.All (the app can install
 * and read only itself).
 */
import { M365Error, type TeamsAppsPort } from '../../usecases/ports/m365.port.js';
import { toM365Error, type GraphHttp } from './graph.pipeline.js';

const enc = encodeURIComponent;

export const appCatalogBind = (catalogAppId: string): string => `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogAppId}`;

/** The id Graph gives the installation of `catalogAppId` in the personal scope of `userId`. */
export function userScopeInstallationId(userId: string, catalogAppId: string): string {
  return Buffer.from(`${userId}##${catalogAppId}`, 'utf8').toString('base64');
}

/** Statuses meaning "this user cannot get the app or its chat", not "try again later". */
const NOT_POSSIBLE = new Set([400, 403, 404]);

export function createGraphTeamsApps(http: GraphHttp): TeamsAppsPort {
  return {
    async personalChat(userId, teamsAppId) {
      if (!teamsAppId) throw new M365Error({ kind: 'invalid', message: 'no Teams app catalog id configured' });
      const install = { method: 'POST' as const, path: `/users/${enc(userId)}/teamwork/installedApps`, body: { 'teamsApp@odata.bind': appCatalogBind(teamsAppId) } };
      const r = await http.request<{ id?: string } | undefined>(install);
      let installedNow: boolean;
      if (r.status >= 200 && r.status < 300) installedNow = true;
      else if (r.status === 409) installedNow = false;
      else if (NOT_POSSIBLE.has(r.status)) return null;
      else throw toM365Error({ method: 'POST', path: '/users/{id}/teamwork/installedApps' }, r);
      const bodyId = r.body && typeof r.body === 'object' && typeof r.body.id === 'string' ? r.body.id : undefined;
      const installationId = bodyId ?? userScopeInstallationId(userId, teamsAppId);
      const c = await http.request<{ id?: string }>({ method: 'GET', path: `/users/${enc(userId)}/teamwork/installedApps/${enc(installationId)}/chat?$select=id` });
      if (NOT_POSSIBLE.has(c.status)) return null;
      if (c.status !== 200 || typeof c.body?.id !== 'string') throw toM365Error({ method: 'GET', path: '/users/{id}/teamwork/installedApps/{id}/chat' }, c);
      return { chatId: c.body.id, installedNow };
    },
  };
}
