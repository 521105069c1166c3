/** The words editors see for stored values, shared by the interface and every report format. */
import type { ClaimStatus, Priority, SourceType, Stance } from './schemas';

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  new: 'New',
  researching: 'Researching',
  in_review: 'In review',
  ready: 'Ready',
  published: 'Published',
  dropped: 'Dropped',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Adds context',
  unclear: 'Unclear',
};

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  primary: 'Primary document',
  official_data: 'Official data',
  expert: 'Expert',
  news: 'News report',
  social_media: 'Social media',
  other: 'Other',
};
