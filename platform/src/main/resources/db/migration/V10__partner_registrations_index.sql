-- A verdict regrades the registrations taking part, reading the event's registrations of their
-- partner actors only (GradingService): find those by actor.
create index actor_registrations_actor on actor_registrations (actor_id);
