import { Alert, AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { Actor } from '../../../electron/core/contract';
import { call, session } from '../api/client';
import { fa } from '../locale/fa';
import { AccountMenu } from './AccountMenu';

interface Props {
  me: Actor;
  online: boolean;
  children: ReactNode;
}

/** The frame around every screen: the app's name, who is signed in, the main places, and the link state. */
export function Shell({ me, online, children }: Props) {
  const [location, navigate] = useLocation();
  const logout = async () => {
    try {
      await call('auth.logout', {});
    } finally {
      session.set(null);
    }
  };
  const staff = me.role === 'admin' || me.role === 'operator' || me.role === 'official' || me.role === 'followup';
  const followers = me.role === 'admin' || me.role === 'official' || me.role === 'followup';
  const links: { to: string; label: string; show: boolean }[] = [
    { to: '/', label: fa.nav.meetings, show: staff },
    { to: '/followup', label: fa.nav.followup, show: followers || me.role === 'unit' || me.role === 'agency' },
    { to: '/followup/daily', label: fa.nav.daily, show: followers },
    { to: '/lookup', label: fa.nav.lookup, show: staff },
    { to: '/outbox', label: fa.nav.outbox, show: me.role === 'admin' || me.role === 'followup' },
    { to: '/agency-desk', label: fa.nav.agencyDesk, show: me.role === 'agency' },
    { to: '/shared-issues', label: fa.nav.sharedIssues, show: staff },
    { to: '/campaigns', label: fa.nav.campaigns, show: staff },
    { to: '/dashboard', label: fa.nav.dashboard, show: followers },
    { to: '/reports', label: fa.nav.reports, show: followers },
    { to: '/sync', label: fa.nav.sync, show: me.role === 'admin' },
    { to: '/audit', label: fa.nav.audit, show: me.role === 'admin' },
    { to: '/backups', label: fa.nav.backups, show: me.role === 'admin' },
    { to: '/users', label: fa.nav.users, show: me.role === 'admin' },
    { to: '/settings', label: fa.nav.settings, show: me.role === 'admin' },
  ];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={3} c="teal.8">
              {fa.app.name}
            </Title>
            <Text size="sm" c="dimmed">
              {fa.app.tagline}
            </Text>
          </Group>
          <Group gap="sm">
            <Text size="sm" data-testid="whoami">
              {me.displayName}
            </Text>
            <Badge variant="light">{fa.roles[me.role]}</Badge>
            {me.role !== 'display' && <AccountMenu />}
            <Button variant="subtle" size="xs" onClick={() => void logout()}>
              {fa.app.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {links
            .filter((l) => l.show)
            .map((l) => (
              <NavLink
                key={l.to}
                label={l.label}
                active={l.to === '/' ? location === '/' || location.startsWith('/meetings') : location === l.to}
                onClick={() => navigate(l.to)}
              />
            ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {!online && (
          <Alert color="orange" mb="md" data-testid="offline">
            {fa.app.offline}
          </Alert>
        )}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
