import { Button, Group, Text } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';

export interface ConfirmPanelProps {
  title: string;
  children: string;
  confirmLabel: string;
  pending: boolean;
  tone?: 'default' | 'danger';
  onConfirm: () => void;
  onCancel: () => void;
}

/** An in-page "are you sure?" that takes focus, so the consequence is read before the choice. */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  pending,
  tone,
  onConfirm,
  onCancel,
}: ConfirmPanelProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={`confirm-panel${tone === 'danger' ? ' danger' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="section-title">
        {title}
      </h2>
      <Text size="sm" mb="sm">
        {children}
      </Text>
      <Group gap="xs">
        <Button onClick={onConfirm} loading={pending} color={tone === 'danger' ? 'red.9' : undefined}>
          {confirmLabel}
        </Button>
        <Button variant="default" onClick={onCancel} disabled={pending}>
          Keep writing
        </Button>
      </Group>
    </section>
  );
}
