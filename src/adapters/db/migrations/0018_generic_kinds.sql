-- Generic kinds of forum that terms of reference name (issue 17's review screen): a document about a
-- "Praksisplanudvalg", an "Arbejdsgruppe" or a "Kvalitetsråd" gets a kind from the catalogue instead of
-- "not in the catalogue". Built in, editable, never deleted; no default rules (nothing is known for
-- every forum of such a kind, so the rules engine's marked defaults apply until the terms say more).
INSERT INTO "forum_kinds" ("key", "name_da", "name_en", "level", "political", "defaults", "built_in") VALUES
  ('practice_planning_committee', 'Praksisplanudvalg', 'Practice planning committee', 'central', false, '{}'::jsonb, true),
  ('coordination_committee', 'Samordningsudvalg', 'Coordination committee', 'cluster', false, '{}'::jsonb, true),
  ('health_cooperation_committee', 'Sundhedssamarbejdsudvalg', 'Health cooperation committee', 'central', false, '{}'::jsonb, true),
  ('working_group', 'Arbejdsgruppe', 'Working group', 'ad_hoc', false, '{}'::jsonb, true),
  ('reference_group', 'Følgegruppe', 'Reference group', 'central_theme', false, '{}'::jsonb, true),
  ('coordination_group', 'Koordinationsgruppe', 'Coordination group', 'central_theme', false, '{}'::jsonb, true),
  ('network', 'Netværk', 'Network', 'central_theme', false, '{}'::jsonb, true),
  ('committee', 'Udvalg', 'Committee', 'central', false, '{}'::jsonb, true),
  ('council', 'Råd', 'Council', 'central', false, '{}'::jsonb, true),
  ('komite', 'Komité', 'Committee (komité)', 'central', false, '{}'::jsonb, true),
  ('panel', 'Panel', 'Panel', 'central_theme', false, '{}'::jsonb, true),
  ('forum', 'Forum', 'Forum', 'central_theme', false, '{}'::jsonb, true),
  ('board', 'Bestyrelse', 'Board', 'central', false, '{}'::jsonb, true)
ON CONFLICT ("key") DO NOTHING;
