import type { User } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { routeUrl } from '@panoramix/contracts/route-url';
import { routes } from 'virtual:panoramix/contracts';
import { authorizedFetch } from '../../api/files.ts';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');

/**
 * A user's avatar, or their initials when they have none (or it cannot be loaded). The image needs
 * the access token, so it is fetched as a blob; its file id keys the cache, so a new avatar shows at once.
 */
export function UserAvatar({ user }: { user: Pick<User, 'id' | 'displayName' | 'avatarFileId'> }) {
  const image = useQuery({
    queryKey: ['avatar', user.id, user.avatarFileId],
    enabled: user.avatarFileId !== null,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const response = await authorizedFetch(routeUrl(routes.users.avatar.path, { id: user.id }), { signal });
      if (!response.ok) throw new Error(`avatar ${response.status}`);
      return response.blob();
    },
  });
  const url = useMemo(() => (image.data ? URL.createObjectURL(image.data) : undefined), [image.data]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return (
    <span className="user-avatar" aria-hidden="true">
      {url && user.avatarFileId ? <img src={url} alt="" /> : initialsOf(user.displayName)}
    </span>
  );
}
