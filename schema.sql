-- The database schema as the migrations build it, dumped from an empty PostgreSQL 15
-- database after every migration. Written by npm run schema:generate; do not edit by hand.

--
-- Name: cube; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;

--
-- Name: earthdistance; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

--
-- Name: unaccent; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

--
-- Name: area_names(uuid[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.area_names(area_ids uuid[]) RETURNS text
    LANGUAGE sql STABLE
    AS $$
     SELECT coalesce(string_agg(DISTINCT outer_area.name, ' '), '')
       FROM areas a JOIN areas outer_area ON outer_area.id = ANY(a.path_ids)
      WHERE a.id = ANY(area_ids) $$;

--
-- Name: area_renamed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.area_renamed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
   BEGIN
     PERFORM refresh_organisation_search(owner) FROM (SELECT x.organisation_id FROM organisation_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]) linked(owner);
PERFORM refresh_practitioner_search(owner) FROM (SELECT x.practitioner_id FROM practitioner_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]) linked(owner);
PERFORM refresh_service_search(owner) FROM (SELECT x.service_id FROM service_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]
            UNION SELECT sl.service_id FROM service_locations sl JOIN locations l ON l.id = sl.location_id
                   JOIN areas a ON a.id = l.area_id WHERE a.path_ids @> ARRAY[NEW.id]) linked(owner);
     RETURN NULL;
   END $$;

--
-- Name: audit_entries_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_entries_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$;

--
-- Name: connections_counted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.connections_counted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO connection_counts (practitioner_id, connections)
          VALUES (NEW.practitioner_a_id, 1), (NEW.practitioner_b_id, 1)
          ON CONFLICT (practitioner_id) DO UPDATE SET connections = connection_counts.connections + 1;
        ELSE
          UPDATE connection_counts SET connections = connections - 1
           WHERE practitioner_id IN (OLD.practitioner_a_id, OLD.practitioner_b_id);
        END IF;
        RETURN NULL;
      END $$;

--
-- Name: distance_metres(double precision, double precision, double precision, double precision); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.distance_metres(lat1 double precision, lng1 double precision, lat2 double precision, lng2 double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ((((2)::numeric * 6371008.8))::double precision * asin(LEAST((1)::double precision, sqrt(((sin((radians((lat2 - lat1)) / (2)::double precision)) ^ (2)::double precision) + ((cos(radians(lat1)) * cos(radians(lat2))) * (sin((radians((lng2 - lng1)) / (2)::double precision)) ^ (2)::double precision)))))));

--
-- Name: location_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.location_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
   BEGIN
     PERFORM refresh_service_search(service_id) FROM service_locations WHERE location_id = NEW.id;
     RETURN NULL;
   END $$;

--
-- Name: organisation_links_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.organisation_links_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
     BEGIN
       IF TG_OP <> 'DELETE' THEN PERFORM refresh_organisation_search(NEW.organisation_id); END IF;
       IF TG_OP <> 'INSERT' THEN PERFORM refresh_organisation_search(OLD.organisation_id); END IF;
       RETURN NULL;
     END $$;

--
-- Name: organisation_renamed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.organisation_renamed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
   BEGIN
     UPDATE practitioners SET search_tags = practitioner_search_tags(id)
      WHERE id IN (SELECT practitioner_id FROM practitioner_memberships WHERE organisation_id = NEW.id);
     UPDATE services SET search_tags = service_search_tags(id) WHERE organisation_id = NEW.id;
     RETURN NULL;
   END $$;

--
-- Name: organisation_search_tags(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.organisation_search_tags(organisation uuid) RETURNS tsvector
    LANGUAGE sql STABLE
    AS $$
           SELECT setweight(to_tsvector('cohesion_english', coalesce(string_agg(DISTINCT name, ' '), '')), 'C') FROM organisation_tag_names WHERE owner = organisation $$;

--
-- Name: overlap_ratio(uuid[], uuid[], uuid[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.overlap_ratio(a uuid[], b uuid[], ignore uuid[] DEFAULT '{}'::uuid[]) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT CASE WHEN (count(*) FILTER (WHERE (x.x = ANY (overlap_ratio.b))) = 0) THEN (0)::double precision ELSE ((count(*) FILTER (WHERE (x.x = ANY (overlap_ratio.b))))::double precision / (((count(*) + (SELECT count(*) AS count FROM unnest(overlap_ratio.b) y(y) WHERE (NOT (y.y = ANY (overlap_ratio.ignore))))) - count(*) FILTER (WHERE (x.x = ANY (overlap_ratio.b)))))::double precision) END AS "case" FROM unnest(overlap_ratio.a) x(x) WHERE (NOT (x.x = ANY (overlap_ratio.ignore))));

--
-- Name: practitioner_links_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.practitioner_links_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
     BEGIN
       IF TG_OP <> 'DELETE' THEN PERFORM refresh_practitioner_search(NEW.practitioner_id); END IF;
       IF TG_OP <> 'INSERT' THEN PERFORM refresh_practitioner_search(OLD.practitioner_id); END IF;
       RETURN NULL;
     END $$;

--
-- Name: practitioner_search_tags(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.practitioner_search_tags(practitioner uuid) RETURNS tsvector
    LANGUAGE sql STABLE
    AS $$
           SELECT setweight(to_tsvector('cohesion_english', coalesce(string_agg(DISTINCT name, ' '), '')), 'C') FROM practitioner_tag_names WHERE owner = practitioner $$;

--
-- Name: recount_connections(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recount_connections() RETURNS void
    LANGUAGE sql
    AS $$
        DELETE FROM connection_counts;
        INSERT INTO connection_counts (practitioner_id, connections)
        SELECT id, count(*) FROM (SELECT practitioner_a_id AS id FROM connections
                                  UNION ALL SELECT practitioner_b_id FROM connections) ends
         GROUP BY id;
      $$;

--
-- Name: refresh_all_search_tags(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.refresh_all_search_tags() RETURNS void
    LANGUAGE sql
    AS $$ 
        UPDATE organisations r SET search_tags = setweight(to_tsvector('cohesion_english', coalesce(grouped.names, '')), 'C')
          FROM (SELECT owner, string_agg(DISTINCT name, ' ') AS names FROM organisation_tag_names GROUP BY owner) grouped
         WHERE r.id = grouped.owner;
        UPDATE organisations r SET search_tags = ''
         WHERE r.search_tags <> '' AND NOT EXISTS (SELECT 1 FROM organisation_tag_names n WHERE n.owner = r.id);

        UPDATE practitioners r SET search_tags = setweight(to_tsvector('cohesion_english', coalesce(grouped.names, '')), 'C')
          FROM (SELECT owner, string_agg(DISTINCT name, ' ') AS names FROM practitioner_tag_names GROUP BY owner) grouped
         WHERE r.id = grouped.owner;
        UPDATE practitioners r SET search_tags = ''
         WHERE r.search_tags <> '' AND NOT EXISTS (SELECT 1 FROM practitioner_tag_names n WHERE n.owner = r.id);

        UPDATE services r SET search_tags = setweight(to_tsvector('cohesion_english', coalesce(grouped.names, '')), 'C')
          FROM (SELECT owner, string_agg(DISTINCT name, ' ') AS names FROM service_tag_names GROUP BY owner) grouped
         WHERE r.id = grouped.owner;
        UPDATE services r SET search_tags = ''
         WHERE r.search_tags <> '' AND NOT EXISTS (SELECT 1 FROM service_tag_names n WHERE n.owner = r.id); $$;

--
-- Name: refresh_organisation_search(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.refresh_organisation_search(record uuid) RETURNS void
    LANGUAGE sql
    AS $$
       UPDATE organisations SET search_tags = organisation_search_tags(record),
                           area_path_ids = ARRAY(SELECT DISTINCT area_id FROM organisation_area_ids WHERE owner = record ORDER BY 1),
                           term_path_ids = ARRAY(SELECT DISTINCT term_id FROM organisation_term_ids WHERE owner = record ORDER BY 1)
        WHERE id = record $$;

--
-- Name: refresh_practitioner_search(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.refresh_practitioner_search(record uuid) RETURNS void
    LANGUAGE sql
    AS $$
       UPDATE practitioners SET search_tags = practitioner_search_tags(record),
                           area_path_ids = ARRAY(SELECT DISTINCT area_id FROM practitioner_area_ids WHERE owner = record ORDER BY 1),
                           term_path_ids = ARRAY(SELECT DISTINCT term_id FROM practitioner_term_ids WHERE owner = record ORDER BY 1)
        WHERE id = record $$;

--
-- Name: refresh_search_fields(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.refresh_search_fields() RETURNS void
    LANGUAGE sql
    AS $$
     SELECT refresh_all_search_tags();
     
     UPDATE organisations r SET area_path_ids = g.ids
       FROM (SELECT owner, array_agg(DISTINCT area_id ORDER BY area_id) AS ids FROM organisation_area_ids GROUP BY owner) g
      WHERE r.id = g.owner;
     UPDATE organisations r SET area_path_ids = '{}'
      WHERE r.area_path_ids <> '{}' AND NOT EXISTS (SELECT 1 FROM organisation_area_ids n WHERE n.owner = r.id);
     UPDATE organisations r SET term_path_ids = g.ids
       FROM (SELECT owner, array_agg(DISTINCT term_id ORDER BY term_id) AS ids FROM organisation_term_ids GROUP BY owner) g
      WHERE r.id = g.owner;
     UPDATE organisations r SET term_path_ids = '{}'
      WHERE r.term_path_ids <> '{}' AND NOT EXISTS (SELECT 1 FROM organisation_term_ids n WHERE n.owner = r.id);

     UPDATE practitioners r SET area_path_ids = g.ids
       FROM (SELECT owner, array_agg(DISTINCT area_id ORDER BY area_id) AS ids FROM practitioner_area_ids GROUP BY owner) g
      WHERE r.id = g.owner;
     UPDATE practitioners r SET area_path_ids = '{}'
      WHERE r.area_path_ids <> '{}' AND NOT EXISTS (SELECT 1 FROM practitioner_area_ids n WHERE n.owner = r.id);
     UPDATE practitioners r SET term_path_ids = g.ids
       FROM (SELECT owner, array_agg(DISTINCT term_id ORDER BY term_id) AS ids FROM practitioner_term_ids GROUP BY owner) g
      WHERE r.id = g.owner;
     UPDATE practitioners r SET term_path_ids = '{}'
      WHERE r.term_path_ids <> '{}' AND NOT EXISTS (SELECT 1 FROM practitioner_term_ids n WHERE n.owner = r.id);

     UPDATE services r SET area_path_ids = g.ids
       FROM (SELECT owner, array_agg(DISTINCT area_id ORDER BY area_id) AS ids FROM service_area_ids GROUP BY owner) g
      WHERE r.id = g.owner;
     UPDATE services r SET area_path_ids = '{}'
      WHERE r.area_path_ids <> '{}' AND NOT EXISTS (SELECT 1 FROM service_area_ids n WHERE n.owner = r.id);
     UPDATE services r SET term_path_ids = g.ids
       FROM (SELECT owner, array_agg(DISTINCT term_id ORDER BY term_id) AS ids FROM service_term_ids GROUP BY owner) g
      WHERE r.id = g.owner;
     UPDATE services r SET term_path_ids = '{}'
      WHERE r.term_path_ids <> '{}' AND NOT EXISTS (SELECT 1 FROM service_term_ids n WHERE n.owner = r.id);
   $$;

--
-- Name: refresh_service_search(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.refresh_service_search(record uuid) RETURNS void
    LANGUAGE sql
    AS $$
       UPDATE services SET search_tags = service_search_tags(record),
                           area_path_ids = ARRAY(SELECT DISTINCT area_id FROM service_area_ids WHERE owner = record ORDER BY 1),
                           term_path_ids = ARRAY(SELECT DISTINCT term_id FROM service_term_ids WHERE owner = record ORDER BY 1)
        WHERE id = record $$;

--
-- Name: search_normalise(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.search_normalise(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $_$;

--
-- Name: service_links_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.service_links_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
     BEGIN
       IF TG_OP <> 'DELETE' THEN PERFORM refresh_service_search(NEW.service_id); END IF;
       IF TG_OP <> 'INSERT' THEN PERFORM refresh_service_search(OLD.service_id); END IF;
       RETURN NULL;
     END $$;

--
-- Name: service_search_tags(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.service_search_tags(service uuid) RETURNS tsvector
    LANGUAGE sql STABLE
    AS $$
           SELECT setweight(to_tsvector('cohesion_english', coalesce(string_agg(DISTINCT name, ' '), '')), 'C') FROM service_tag_names WHERE owner = service $$;

--
-- Name: term_names(uuid[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.term_names(term_ids uuid[]) RETURNS text
    LANGUAGE sql STABLE
    AS $$
     SELECT coalesce(string_agg(DISTINCT broader.name, ' '), '')
       FROM taxonomy_terms t JOIN taxonomy_terms broader ON broader.id = ANY(t.path_ids)
      WHERE t.id = ANY(term_ids) $$;

--
-- Name: term_renamed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.term_renamed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
   BEGIN
     PERFORM refresh_organisation_search(owner) FROM (SELECT x.organisation_id FROM organisation_themes x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]) linked(owner);
PERFORM refresh_practitioner_search(owner) FROM (SELECT x.practitioner_id FROM practitioner_themes x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]) linked(owner);
PERFORM refresh_service_search(owner) FROM (SELECT x.service_id FROM service_taxonomy_terms x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]) linked(owner);
     RETURN NULL;
   END $$;

--
-- Name: tree_move_descendants(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tree_move_descendants() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
      BEGIN
        IF NEW.path_ids IS DISTINCT FROM OLD.path_ids THEN
          EXECUTE format(
            'UPDATE %I.%I SET path_ids = $1 || path_ids[array_position(path_ids, $2) + 1 :]
              WHERE path_ids @> ARRAY[$2] AND id <> $2', TG_TABLE_SCHEMA, TG_TABLE_NAME)
            USING NEW.path_ids, NEW.id;
        END IF;
        RETURN NULL;
      END
      $_$;

--
-- Name: tree_set_path(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tree_set_path() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
      DECLARE
        parent_path uuid[];
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path_ids := ARRAY[NEW.id];
        ELSE
          EXECUTE format('SELECT path_ids FROM %I.%I WHERE id = $1', TG_TABLE_SCHEMA, TG_TABLE_NAME)
            INTO parent_path USING NEW.parent_id;
          IF parent_path IS NULL THEN
            RAISE EXCEPTION 'parent % does not exist', NEW.parent_id USING ERRCODE = 'foreign_key_violation';
          END IF;
          IF NEW.id = ANY(parent_path) THEN
            RAISE EXCEPTION 'a node cannot sit under itself or its descendants' USING ERRCODE = 'check_violation';
          END IF;
          NEW.path_ids := parent_path || NEW.id;
        END IF;
        RETURN NEW;
      END
      $_$;

--
-- Name: cohesion_english; Type: TEXT SEARCH CONFIGURATION; Schema: public; Owner: -
--

CREATE TEXT SEARCH CONFIGURATION public.cohesion_english (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR asciiword WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR word WITH public.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR numword WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR hword_numpart WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR hword_part WITH public.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR hword_asciipart WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR numhword WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR asciihword WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR hword WITH public.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.cohesion_english
    ADD MAPPING FOR uint WITH simple;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: account_identities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account_identities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    account_id uuid NOT NULL,
    issuer character varying(500) NOT NULL,
    subject character varying(255) NOT NULL,
    tenant_id character varying(64),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_sign_in_at timestamp with time zone
);

--
-- Name: account_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account_links (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    account_id uuid NOT NULL,
    purpose character varying(20) NOT NULL,
    email character varying(254) NOT NULL,
    token_hash character(64) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    superseded_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_account_links_email_lowercase CHECK (((email)::text = lower((email)::text))),
    CONSTRAINT ck_account_links_purpose CHECK (((purpose)::text = ANY ((ARRAY['VERIFY_EMAIL'::character varying, 'RESET_PASSWORD'::character varying, 'LINK_SIGN_IN'::character varying])::text[])))
);

--
-- Name: accounts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.accounts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email character varying(254),
    password_hash character varying(255),
    session_epoch integer DEFAULT 0 NOT NULL,
    disabled_at timestamp with time zone,
    last_login_at timestamp with time zone,
    is_demo boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    email_verified_at timestamp with time zone,
    suspended_at timestamp with time zone,
    suspended_by uuid,
    erased_at timestamp with time zone,
    CONSTRAINT ck_accounts_email_lowercase CHECK (((email)::text = lower((email)::text))),
    CONSTRAINT ck_accounts_email_unless_erased CHECK (((email IS NOT NULL) OR (erased_at IS NOT NULL)))
);

--
-- Name: areas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.areas (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    parent_id uuid,
    kind character varying(20) NOT NULL,
    name character varying(120) NOT NULL,
    code character varying(20),
    path_ids uuid[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_areas_kind CHECK (((kind)::text = ANY ((ARRAY['REGION'::character varying, 'LOCAL_AUTHORITY'::character varying, 'LOCALITY'::character varying, 'WARD'::character varying])::text[])))
);

--
-- Name: audit_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entries (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor_account_id uuid,
    entity_type character varying(40) NOT NULL,
    entity_id uuid NOT NULL,
    action character varying(40) NOT NULL,
    before jsonb,
    after jsonb,
    request_id character varying(64)
);

--
-- Name: audit_entries_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit_entries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_entries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: connection_counts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.connection_counts (
    practitioner_id uuid NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    CONSTRAINT ck_connection_counts_connections CHECK ((connections >= 0))
);

--
-- Name: connections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.connections (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    practitioner_a_id uuid NOT NULL,
    practitioner_b_id uuid NOT NULL,
    origin character varying(20) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_connections_ordered_pair CHECK ((practitioner_a_id < practitioner_b_id)),
    CONSTRAINT ck_connections_origin CHECK (((origin)::text = ANY ((ARRAY['INTRODUCTION'::character varying, 'MET_AT_EVENT'::character varying, 'WORKED_TOGETHER'::character varying])::text[])))
);

--
-- Name: erasures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.erasures (
    account_id uuid NOT NULL,
    erased_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: grant_application_areas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_application_areas (
    application_id uuid NOT NULL,
    area_id uuid NOT NULL
);

--
-- Name: grant_application_themes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_application_themes (
    application_id uuid NOT NULL,
    term_id uuid NOT NULL
);

--
-- Name: grant_applications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_applications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    round_id uuid NOT NULL,
    fund_id uuid NOT NULL,
    applicant_organisation_id uuid NOT NULL,
    status character varying(20) NOT NULL,
    project_title character varying(200) NOT NULL,
    summary text NOT NULL,
    amount_requested_pence bigint NOT NULL,
    planned_start date NOT NULL,
    planned_end date NOT NULL,
    expected_participants integer,
    annual_income_pence bigint,
    ineligible_reason text,
    recorded_by_officer boolean DEFAULT false NOT NULL,
    created_by uuid,
    submitted_at timestamp with time zone,
    decided_at timestamp with time zone,
    decision_reason text,
    amount_awarded_pence bigint,
    awarded_at date,
    paid_pence bigint DEFAULT '0'::bigint NOT NULL,
    actual_spend_pence bigint,
    closed_at timestamp with time zone,
    closure_note text,
    external_id character varying(200),
    is_demo boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    from_open_call boolean,
    planned_dates_given boolean DEFAULT true NOT NULL,
    CONSTRAINT ck_grant_applications_award CHECK ((((amount_awarded_pence IS NULL) OR (amount_awarded_pence > 0)) AND (paid_pence >= 0) AND (paid_pence <= COALESCE(amount_awarded_pence, (0)::bigint)))),
    CONSTRAINT ck_grant_applications_awarded_status CHECK (((amount_awarded_pence IS NOT NULL) = (((status)::text = ANY ((ARRAY['AWARDED'::character varying, 'ACTIVE'::character varying, 'COMPLETED'::character varying, 'CLOSED_EARLY'::character varying])::text[])) OR (((status)::text = 'WITHDRAWN'::text) AND (awarded_at IS NOT NULL))))),
    CONSTRAINT ck_grant_applications_dates CHECK ((planned_end >= planned_start)),
    CONSTRAINT ck_grant_applications_participants CHECK (((expected_participants IS NULL) OR (expected_participants >= 0))),
    CONSTRAINT ck_grant_applications_requested CHECK ((amount_requested_pence > 0)),
    CONSTRAINT ck_grant_applications_spend CHECK (((actual_spend_pence IS NULL) OR (actual_spend_pence >= 0))),
    CONSTRAINT ck_grant_applications_status CHECK (((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'SUBMITTED'::character varying, 'INELIGIBLE'::character varying, 'IN_ASSESSMENT'::character varying, 'AWARDED'::character varying, 'DECLINED'::character varying, 'ACTIVE'::character varying, 'COMPLETED'::character varying, 'CLOSED_EARLY'::character varying, 'WITHDRAWN'::character varying])::text[])))
);

--
-- Name: grant_conflict_declarations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_conflict_declarations (
    application_id uuid NOT NULL,
    assessor_account_id uuid NOT NULL,
    has_conflict boolean NOT NULL,
    details text,
    declared_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_grant_conflict_declarations_details CHECK (((NOT has_conflict) OR (details IS NOT NULL)))
);

--
-- Name: grant_criteria; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_criteria (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    round_id uuid NOT NULL,
    "position" smallint NOT NULL,
    name character varying(200) NOT NULL,
    guidance text,
    weight smallint NOT NULL,
    max_score smallint NOT NULL,
    CONSTRAINT ck_grant_criteria_max_score CHECK (((max_score >= 1) AND (max_score <= 100))),
    CONSTRAINT ck_grant_criteria_weight CHECK (((weight >= 1) AND (weight <= 100)))
);

--
-- Name: grant_fund_areas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_fund_areas (
    fund_id uuid NOT NULL,
    area_id uuid NOT NULL
);

--
-- Name: grant_fund_themes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_fund_themes (
    fund_id uuid NOT NULL,
    term_id uuid NOT NULL
);

--
-- Name: grant_funds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_funds (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    owner_organisation_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    programme_code character varying(40) NOT NULL,
    financial_year character varying(7) NOT NULL,
    budget_pence bigint NOT NULL,
    committed_pence bigint DEFAULT '0'::bigint NOT NULL,
    paid_pence bigint DEFAULT '0'::bigint NOT NULL,
    grant_id_prefix character varying(60) NOT NULL,
    description text,
    is_demo boolean DEFAULT false NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    withheld_recipient_key uuid DEFAULT gen_random_uuid() NOT NULL,
    CONSTRAINT ck_grant_funds_budget CHECK ((budget_pence >= 0)),
    CONSTRAINT ck_grant_funds_committed CHECK (((committed_pence >= 0) AND (committed_pence <= budget_pence))),
    CONSTRAINT ck_grant_funds_financial_year CHECK (((financial_year)::text ~ '^[0-9]{4}-[0-9]{2}$'::text)),
    CONSTRAINT ck_grant_funds_paid CHECK (((paid_pence >= 0) AND (paid_pence <= committed_pence)))
);

--
-- Name: grant_monitoring_reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_monitoring_reports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    application_id uuid NOT NULL,
    due_date date NOT NULL,
    title character varying(100) NOT NULL,
    submitted_at timestamp with time zone,
    submitted_by uuid,
    participants integer,
    sessions integer,
    volunteers integer,
    volunteer_hours numeric(8,1),
    narrative text,
    wellbeing_respondents integer,
    life_satisfaction_before numeric(4,2),
    life_satisfaction_after numeric(4,2),
    worthwhile_before numeric(4,2),
    worthwhile_after numeric(4,2),
    happiness_before numeric(4,2),
    happiness_after numeric(4,2),
    anxiety_before numeric(4,2),
    anxiety_after numeric(4,2),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_grant_monitoring_reports_ons4 CHECK ((((life_satisfaction_before IS NULL) OR ((life_satisfaction_before >= (0)::numeric) AND (life_satisfaction_before <= (10)::numeric))) AND ((life_satisfaction_after IS NULL) OR ((life_satisfaction_after >= (0)::numeric) AND (life_satisfaction_after <= (10)::numeric))) AND ((worthwhile_before IS NULL) OR ((worthwhile_before >= (0)::numeric) AND (worthwhile_before <= (10)::numeric))) AND ((worthwhile_after IS NULL) OR ((worthwhile_after >= (0)::numeric) AND (worthwhile_after <= (10)::numeric))) AND ((happiness_before IS NULL) OR ((happiness_before >= (0)::numeric) AND (happiness_before <= (10)::numeric))) AND ((happiness_after IS NULL) OR ((happiness_after >= (0)::numeric) AND (happiness_after <= (10)::numeric))) AND ((anxiety_before IS NULL) OR ((anxiety_before >= (0)::numeric) AND (anxiety_before <= (10)::numeric))) AND ((anxiety_after IS NULL) OR ((anxiety_after >= (0)::numeric) AND (anxiety_after <= (10)::numeric))))),
    CONSTRAINT ck_grant_monitoring_reports_outputs CHECK (((COALESCE(participants, 0) >= 0) AND (COALESCE(sessions, 0) >= 0) AND (COALESCE(volunteers, 0) >= 0) AND (COALESCE(volunteer_hours, (0)::numeric) >= (0)::numeric))),
    CONSTRAINT ck_grant_monitoring_reports_submitted CHECK (((submitted_at IS NULL) OR (narrative IS NOT NULL)))
);

--
-- Name: grant_payments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_payments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    application_id uuid NOT NULL,
    fund_id uuid NOT NULL,
    amount_pence bigint NOT NULL,
    due_date date NOT NULL,
    status character varying(10) DEFAULT 'SCHEDULED'::character varying NOT NULL,
    paid_at timestamp with time zone,
    reference character varying(100),
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_grant_payments_amount CHECK ((amount_pence > 0)),
    CONSTRAINT ck_grant_payments_paid CHECK ((((status)::text = 'PAID'::text) = (paid_at IS NOT NULL))),
    CONSTRAINT ck_grant_payments_status CHECK (((status)::text = ANY ((ARRAY['SCHEDULED'::character varying, 'PAID'::character varying, 'CANCELLED'::character varying])::text[])))
);

--
-- Name: grant_round_areas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_round_areas (
    round_id uuid NOT NULL,
    area_id uuid NOT NULL
);

--
-- Name: grant_rounds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_rounds (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    fund_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    opens_at timestamp with time zone NOT NULL,
    closes_at timestamp with time zone NOT NULL,
    min_award_pence bigint NOT NULL,
    max_award_pence bigint NOT NULL,
    eligible_kinds character varying(20)[] DEFAULT '{}'::character varying[] NOT NULL,
    max_annual_income_pence bigint,
    imported boolean DEFAULT false NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_grant_rounds_awards CHECK (((min_award_pence >= 0) AND (max_award_pence >= min_award_pence))),
    CONSTRAINT ck_grant_rounds_dates CHECK ((closes_at > opens_at)),
    CONSTRAINT ck_grant_rounds_income CHECK (((max_annual_income_pence IS NULL) OR (max_annual_income_pence >= 0)))
);

--
-- Name: grant_scores; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grant_scores (
    application_id uuid NOT NULL,
    assessor_account_id uuid NOT NULL,
    criterion_id uuid NOT NULL,
    score smallint NOT NULL,
    justification text NOT NULL,
    scored_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_grant_scores_score CHECK ((score >= 0))
);

--
-- Name: introductions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.introductions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    requester_id uuid NOT NULL,
    target_id uuid NOT NULL,
    broker_id uuid,
    message text NOT NULL,
    origin character varying(20) DEFAULT 'INTRODUCTION'::character varying NOT NULL,
    status character varying(20) NOT NULL,
    broker_note text,
    response_note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    reached_target_at timestamp with time zone,
    broker_responded_at timestamp with time zone,
    closed_at timestamp with time zone,
    version integer DEFAULT 1 NOT NULL,
    declined_by character varying(10),
    CONSTRAINT ck_introductions_broker CHECK (((broker_id IS NULL) OR ((broker_id <> requester_id) AND (broker_id <> target_id)))),
    CONSTRAINT ck_introductions_declined_by CHECK (((declined_by)::text = ANY ((ARRAY['BROKER'::character varying, 'TARGET'::character varying])::text[]))),
    CONSTRAINT ck_introductions_message_length CHECK (((char_length(message) >= 20) AND (char_length(message) <= 1000))),
    CONSTRAINT ck_introductions_not_self CHECK ((requester_id <> target_id)),
    CONSTRAINT ck_introductions_notes_length CHECK (((char_length(broker_note) <= 1000) AND (char_length(response_note) <= 1000))),
    CONSTRAINT ck_introductions_origin CHECK (((origin)::text = ANY ((ARRAY['INTRODUCTION'::character varying, 'MET_AT_EVENT'::character varying, 'WORKED_TOGETHER'::character varying])::text[]))),
    CONSTRAINT ck_introductions_pending_broker CHECK ((((status)::text <> 'PENDING_BROKER'::text) OR (broker_id IS NOT NULL))),
    CONSTRAINT ck_introductions_status CHECK (((status)::text = ANY ((ARRAY['PENDING_BROKER'::character varying, 'PENDING_TARGET'::character varying, 'ACCEPTED'::character varying, 'DECLINED'::character varying, 'EXPIRED'::character varying, 'WITHDRAWN'::character varying])::text[])))
);

--
-- Name: locations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.locations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    location_type character varying(10) DEFAULT 'physical'::character varying NOT NULL,
    name character varying(200),
    description text,
    address_line1 character varying(200),
    address_line2 character varying(200),
    town character varying(100),
    postcode character varying(20),
    latitude double precision,
    longitude double precision,
    area_id uuid,
    source_feed character varying(500),
    source_id uuid,
    geocode_precision character varying(12),
    address_id uuid,
    attention character varying(200),
    region character varying(100),
    state_province character varying(100),
    country character varying(2) DEFAULT 'GB'::character varying NOT NULL,
    address_type character varying(10) DEFAULT 'physical'::character varying NOT NULL,
    CONSTRAINT ck_locations_address_type CHECK (((address_type)::text = ANY ((ARRAY['physical'::character varying, 'postal'::character varying, 'virtual'::character varying])::text[]))),
    CONSTRAINT ck_locations_coordinates CHECK (((latitude IS NULL) = (longitude IS NULL))),
    CONSTRAINT ck_locations_geocode_precision CHECK ((((latitude IS NULL) = (geocode_precision IS NULL)) AND ((geocode_precision)::text = ANY ((ARRAY['COORDINATES'::character varying, 'POSTCODE'::character varying, 'OUTWARD_CODE'::character varying])::text[])))),
    CONSTRAINT ck_locations_location_type CHECK (((location_type)::text = ANY ((ARRAY['physical'::character varying, 'postal'::character varying, 'virtual'::character varying])::text[])))
);

--
-- Name: membership_invitations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.membership_invitations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    email character varying(254) NOT NULL,
    role character varying(120),
    team character varying(120),
    token_hash character(64) NOT NULL,
    status character varying(10) DEFAULT 'PENDING'::character varying NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    invited_by uuid,
    accepted_by uuid,
    decided_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_membership_invitations_status CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'ACCEPTED'::character varying, 'REVOKED'::character varying])::text[])))
);

--
-- Name: misuse_reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.misuse_reports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    reporter_id uuid NOT NULL,
    practitioner_id uuid,
    organisation_id uuid,
    reason character varying(20) NOT NULL,
    details text,
    status character varying(10) DEFAULT 'OPEN'::character varying NOT NULL,
    outcome character varying(20),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    resolved_at timestamp with time zone,
    resolved_by uuid,
    CONSTRAINT ck_misuse_reports_details_length CHECK ((char_length(details) <= 2000)),
    CONSTRAINT ck_misuse_reports_one_subject CHECK (((practitioner_id IS NULL) <> (organisation_id IS NULL))),
    CONSTRAINT ck_misuse_reports_outcome CHECK (((outcome IS NULL) OR ((outcome)::text = ANY ((ARRAY['NO_ACTION'::character varying, 'WARNING_GIVEN'::character varying, 'CONTENT_REMOVED'::character varying, 'ACCOUNT_SUSPENDED'::character varying])::text[])))),
    CONSTRAINT ck_misuse_reports_reason CHECK (((reason)::text = ANY ((ARRAY['HARASSMENT'::character varying, 'IMPERSONATION'::character varying, 'FALSE_INFORMATION'::character varying, 'SPAM'::character varying, 'OTHER'::character varying])::text[]))),
    CONSTRAINT ck_misuse_reports_resolved CHECK ((((status)::text = 'RESOLVED'::text) = ((outcome IS NOT NULL) AND (resolved_at IS NOT NULL)))),
    CONSTRAINT ck_misuse_reports_status CHECK (((status)::text = ANY ((ARRAY['OPEN'::character varying, 'RESOLVED'::character varying])::text[])))
);

--
-- Name: notification_deliveries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification_deliveries (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    notification_id uuid NOT NULL,
    recipient_address character varying(254) NOT NULL,
    status character varying(10) DEFAULT 'PENDING'::character varying NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    locked_until timestamp with time zone,
    sent_at timestamp with time zone,
    last_error character varying(500),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_notification_deliveries_attempts CHECK ((attempts >= 0)),
    CONSTRAINT ck_notification_deliveries_status CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'SENT'::character varying, 'FAILED'::character varying, 'CANCELLED'::character varying])::text[])))
);

--
-- Name: notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    recipient_id uuid,
    kind character varying(60) NOT NULL,
    subject character varying(200) NOT NULL,
    body text NOT NULL,
    link character varying(300),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    read_at timestamp with time zone,
    about_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    deliver_at timestamp with time zone DEFAULT now() NOT NULL,
    shown_in_app boolean DEFAULT true NOT NULL,
    CONSTRAINT ck_notifications_recipient CHECK (((recipient_id IS NOT NULL) OR (NOT shown_in_app)))
);

--
-- Name: oidc_connections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oidc_connections (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    label character varying(120) NOT NULL,
    issuer character varying(500) NOT NULL,
    client_id character varying(255) NOT NULL,
    client_secret_name character varying(80) NOT NULL,
    allowed_tenant_ids text[] DEFAULT '{}'::text[] NOT NULL,
    email_domains text[] NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_oidc_connections_email_domains CHECK ((cardinality(email_domains) > 0)),
    CONSTRAINT ck_oidc_connections_secret_name CHECK (((client_secret_name)::text ~ '^OIDC_CLIENT_SECRET_[A-Z0-9_]{1,60}$'::text)),
    CONSTRAINT ck_oidc_connections_tenant_template CHECK ((((issuer)::text !~~ '%{tenantid}%'::text) OR (cardinality(allowed_tenant_ids) > 0)))
);

--
-- Name: oidc_sign_in_attempts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oidc_sign_in_attempts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    connection_id uuid NOT NULL,
    state_hash character(64) NOT NULL,
    browser_hash character(64) NOT NULL,
    nonce character varying(64) NOT NULL,
    code_verifier character varying(128) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    called_back_at timestamp with time zone,
    outcome character varying(20),
    refusal character varying(40),
    account_id uuid,
    issuer character varying(500),
    subject character varying(255),
    tenant_id character varying(64),
    account_link_id uuid,
    code_hash character(64),
    code_expires_at timestamp with time zone,
    completed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_oidc_sign_in_attempts_outcome CHECK (((outcome IS NULL) OR ((outcome)::text = ANY ((ARRAY['SIGNED_IN'::character varying, 'LINK_REQUIRED'::character varying, 'REFUSED'::character varying])::text[]))))
);

--
-- Name: organisation_areas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation_areas (
    organisation_id uuid NOT NULL,
    area_id uuid NOT NULL
);

--
-- Name: organisation_area_ids; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.organisation_area_ids AS
 SELECT x.organisation_id AS owner,
    unnest(a.path_ids) AS area_id
   FROM (public.organisation_areas x
     JOIN public.areas a ON ((a.id = x.area_id)));

--
-- Name: organisation_email_domains; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation_email_domains (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    domain character varying(253) NOT NULL,
    verified_at timestamp with time zone,
    verified_by uuid,
    added_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_organisation_email_domains_domain CHECK ((((domain)::text = lower((domain)::text)) AND ((domain)::text ~~ '%_._%'::text)))
);

--
-- Name: organisation_identifiers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation_identifiers (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    scheme character varying(20) NOT NULL,
    identifier character varying(80) NOT NULL
);

--
-- Name: organisation_partnerships; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation_partnerships (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    partner_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    proposed_by_organisation_id uuid NOT NULL,
    proposed_by uuid,
    confirmed_by uuid,
    confirmed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_organisation_partnerships_kind CHECK (((kind)::text = ANY ((ARRAY['PARTNERS_WITH'::character varying, 'MEMBER_OF'::character varying])::text[]))),
    CONSTRAINT ck_organisation_partnerships_not_self CHECK ((organisation_id <> partner_id)),
    CONSTRAINT ck_organisation_partnerships_proposer CHECK (((proposed_by_organisation_id = organisation_id) OR (proposed_by_organisation_id = partner_id)))
);

--
-- Name: organisation_themes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation_themes (
    organisation_id uuid NOT NULL,
    term_id uuid NOT NULL
);

--
-- Name: taxonomy_terms; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.taxonomy_terms (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    taxonomy_id uuid NOT NULL,
    parent_id uuid,
    code character varying(60) NOT NULL,
    name character varying(120) NOT NULL,
    description text,
    term_uri character varying(300),
    path_ids uuid[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    source_feed character varying(500),
    source_id uuid,
    parent_source_id uuid
);

--
-- Name: organisation_tag_names; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.organisation_tag_names AS
 SELECT x.organisation_id AS owner,
    broader.name
   FROM ((public.organisation_themes x
     JOIN public.taxonomy_terms t ON ((t.id = x.term_id)))
     JOIN public.taxonomy_terms broader ON ((broader.id = ANY (t.path_ids))))
UNION ALL
 SELECT x.organisation_id AS owner,
    outer_area.name
   FROM ((public.organisation_areas x
     JOIN public.areas a ON ((a.id = x.area_id)))
     JOIN public.areas outer_area ON ((outer_area.id = ANY (a.path_ids))));

--
-- Name: organisation_term_ids; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.organisation_term_ids AS
 SELECT x.organisation_id AS owner,
    unnest(t.path_ids) AS term_id
   FROM (public.organisation_themes x
     JOIN public.taxonomy_terms t ON ((t.id = x.term_id)));

--
-- Name: organisations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name character varying(200) NOT NULL,
    kind character varying(20) NOT NULL,
    description text,
    website character varying(300),
    email character varying(254),
    phone character varying(40),
    address_line1 character varying(200),
    address_line2 character varying(200),
    town character varying(100),
    postcode character varying(8),
    latitude double precision,
    longitude double precision,
    faith_tradition character varying(20),
    languages character varying(3)[] DEFAULT '{}'::character varying[] NOT NULL,
    verified boolean DEFAULT false NOT NULL,
    verified_at timestamp with time zone,
    verified_by uuid,
    visibility character varying(10) DEFAULT 'PUBLIC'::character varying NOT NULL,
    is_demo boolean DEFAULT false NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    search_tags tsvector DEFAULT ''::tsvector NOT NULL,
    search_name text GENERATED ALWAYS AS (public.search_normalise((name)::text)) STORED NOT NULL,
    search_document tsvector GENERATED ALWAYS AS ((((setweight(to_tsvector('public.cohesion_english'::regconfig, (COALESCE(name, ''::character varying))::text), 'A'::"char") || setweight(to_tsvector('public.cohesion_english'::regconfig, COALESCE(description, ''::text)), 'B'::"char")) || setweight(to_tsvector('public.cohesion_english'::regconfig, (COALESCE(town, ''::character varying))::text), 'C'::"char")) || search_tags)) STORED NOT NULL,
    area_path_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    term_path_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    source_feed character varying(500),
    source_id uuid,
    changed_since_verification_at timestamp with time zone,
    named_in_grants_data boolean DEFAULT false NOT NULL,
    unknown_owner boolean DEFAULT false NOT NULL,
    CONSTRAINT ck_organisations_coordinates CHECK (((latitude IS NULL) = (longitude IS NULL))),
    CONSTRAINT ck_organisations_faith_tradition CHECK (((faith_tradition IS NULL) OR ((faith_tradition)::text = ANY ((ARRAY['BAHAI'::character varying, 'BUDDHIST'::character varying, 'CHRISTIAN'::character varying, 'HINDU'::character varying, 'JAIN'::character varying, 'JEWISH'::character varying, 'MUSLIM'::character varying, 'SIKH'::character varying, 'ZOROASTRIAN'::character varying, 'MULTI_FAITH'::character varying, 'OTHER'::character varying])::text[])))),
    CONSTRAINT ck_organisations_kind CHECK (((kind)::text = ANY ((ARRAY['LOCAL_AUTHORITY'::character varying, 'POLICE'::character varying, 'FIRE'::character varying, 'NHS'::character varying, 'SCHOOL'::character varying, 'UNIVERSITY'::character varying, 'VCS'::character varying, 'FAITH_GROUP'::character varying, 'BUSINESS'::character varying, 'NETWORK'::character varying])::text[]))),
    CONSTRAINT ck_organisations_version CHECK ((version > 0)),
    CONSTRAINT ck_organisations_visibility CHECK (((visibility)::text = ANY ((ARRAY['PUBLIC'::character varying, 'MEMBERS'::character varying])::text[])))
);

--
-- Name: partnership_proposals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.partnership_proposals (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    partner_id uuid NOT NULL,
    proposed_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: password_reset_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.password_reset_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email character varying(254) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: practitioner_areas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.practitioner_areas (
    practitioner_id uuid NOT NULL,
    area_id uuid NOT NULL
);

--
-- Name: practitioner_area_ids; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.practitioner_area_ids AS
 SELECT x.practitioner_id AS owner,
    unnest(a.path_ids) AS area_id
   FROM (public.practitioner_areas x
     JOIN public.areas a ON ((a.id = x.area_id)));

--
-- Name: practitioner_blocks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.practitioner_blocks (
    blocker_id uuid NOT NULL,
    blocked_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_practitioner_blocks_not_self CHECK ((blocker_id <> blocked_id))
);

--
-- Name: practitioner_memberships; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.practitioner_memberships (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    practitioner_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    role character varying(120),
    team character varying(120),
    start_date date,
    end_date date,
    status character varying(10) DEFAULT 'PENDING'::character varying NOT NULL,
    confirmed_via character varying(12),
    decided_by uuid,
    decided_at timestamp with time zone,
    ended_by uuid,
    ended_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_practitioner_memberships_confirmed_via CHECK (((((status)::text = 'PENDING'::text) AND (confirmed_via IS NULL)) OR ((status)::text <> 'PENDING'::text))),
    CONSTRAINT ck_practitioner_memberships_dates CHECK (((end_date IS NULL) OR (start_date IS NULL) OR (end_date >= start_date))),
    CONSTRAINT ck_practitioner_memberships_route CHECK (((confirmed_via IS NULL) OR ((confirmed_via)::text = ANY ((ARRAY['ORG_ADMIN'::character varying, 'EMAIL_DOMAIN'::character varying, 'INVITATION'::character varying, 'SIGN_IN'::character varying])::text[])))),
    CONSTRAINT ck_practitioner_memberships_status CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'CONFIRMED'::character varying, 'DECLINED'::character varying, 'ENDED'::character varying])::text[])))
);

--
-- Name: practitioner_themes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.practitioner_themes (
    practitioner_id uuid NOT NULL,
    term_id uuid NOT NULL
);

--
-- Name: practitioner_tag_names; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.practitioner_tag_names AS
 SELECT x.practitioner_id AS owner,
    broader.name
   FROM ((public.practitioner_themes x
     JOIN public.taxonomy_terms t ON ((t.id = x.term_id)))
     JOIN public.taxonomy_terms broader ON ((broader.id = ANY (t.path_ids))))
UNION ALL
 SELECT x.practitioner_id AS owner,
    outer_area.name
   FROM ((public.practitioner_areas x
     JOIN public.areas a ON ((a.id = x.area_id)))
     JOIN public.areas outer_area ON ((outer_area.id = ANY (a.path_ids))))
UNION ALL
 SELECT m.practitioner_id AS owner,
    o.name
   FROM (public.practitioner_memberships m
     JOIN public.organisations o ON ((o.id = m.organisation_id)));

--
-- Name: practitioner_term_ids; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.practitioner_term_ids AS
 SELECT x.practitioner_id AS owner,
    unnest(t.path_ids) AS term_id
   FROM (public.practitioner_themes x
     JOIN public.taxonomy_terms t ON ((t.id = x.term_id)));

--
-- Name: practitioners; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.practitioners (
    id uuid NOT NULL,
    full_name character varying(120) NOT NULL,
    job_title character varying(120),
    bio text,
    can_help_with text,
    looking_for text,
    languages character varying(3)[] DEFAULT '{}'::character varying[] NOT NULL,
    discoverable boolean DEFAULT true NOT NULL,
    open_to_introductions boolean DEFAULT true NOT NULL,
    introductions_monthly_cap smallint DEFAULT '5'::smallint NOT NULL,
    contact_email character varying(254),
    contact_email_visibility character varying(12) DEFAULT 'CONNECTIONS'::character varying NOT NULL,
    contact_phone character varying(40),
    contact_phone_visibility character varying(12) DEFAULT 'CONNECTIONS'::character varying NOT NULL,
    contact_mobile character varying(40),
    contact_mobile_visibility character varying(12) DEFAULT 'HIDDEN'::character varying NOT NULL,
    website character varying(300),
    website_visibility character varying(12) DEFAULT 'MEMBERS'::character varying NOT NULL,
    is_demo boolean DEFAULT false NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    search_tags tsvector DEFAULT ''::tsvector NOT NULL,
    search_name text GENERATED ALWAYS AS (public.search_normalise((full_name)::text)) STORED NOT NULL,
    search_document tsvector GENERATED ALWAYS AS ((((((setweight(to_tsvector('public.cohesion_english'::regconfig, (COALESCE(full_name, ''::character varying))::text), 'A'::"char") || setweight(to_tsvector('public.cohesion_english'::regconfig, (COALESCE(job_title, ''::character varying))::text), 'A'::"char")) || setweight(to_tsvector('public.cohesion_english'::regconfig, COALESCE(can_help_with, ''::text)), 'B'::"char")) || setweight(to_tsvector('public.cohesion_english'::regconfig, COALESCE(bio, ''::text)), 'C'::"char")) || setweight(to_tsvector('public.cohesion_english'::regconfig, COALESCE(looking_for, ''::text)), 'C'::"char")) || search_tags)) STORED NOT NULL,
    area_path_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    term_path_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    verified_member boolean DEFAULT false NOT NULL,
    CONSTRAINT ck_practitioners_email_visibility CHECK (((contact_email_visibility)::text = ANY ((ARRAY['PUBLIC'::character varying, 'MEMBERS'::character varying, 'CONNECTIONS'::character varying, 'HIDDEN'::character varying])::text[]))),
    CONSTRAINT ck_practitioners_introductions_monthly_cap CHECK (((introductions_monthly_cap >= 0) AND (introductions_monthly_cap <= 100))),
    CONSTRAINT ck_practitioners_mobile_visibility CHECK (((contact_mobile_visibility)::text = ANY ((ARRAY['PUBLIC'::character varying, 'MEMBERS'::character varying, 'CONNECTIONS'::character varying, 'HIDDEN'::character varying])::text[]))),
    CONSTRAINT ck_practitioners_phone_visibility CHECK (((contact_phone_visibility)::text = ANY ((ARRAY['PUBLIC'::character varying, 'MEMBERS'::character varying, 'CONNECTIONS'::character varying, 'HIDDEN'::character varying])::text[]))),
    CONSTRAINT ck_practitioners_version CHECK ((version > 0)),
    CONSTRAINT ck_practitioners_website_visibility CHECK (((website_visibility)::text = ANY ((ARRAY['PUBLIC'::character varying, 'MEMBERS'::character varying, 'CONNECTIONS'::character varying, 'HIDDEN'::character varying])::text[])))
);

--
-- Name: refresh_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.refresh_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    account_id uuid NOT NULL,
    family_id uuid NOT NULL,
    token_hash character(64) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: role_grants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.role_grants (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    account_id uuid NOT NULL,
    role character varying(20) NOT NULL,
    organisation_id uuid,
    granted_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_role_grants_role CHECK (((role)::text = ANY ((ARRAY['ORG_ADMIN'::character varying, 'GRANTS_OFFICER'::character varying, 'ADMIN'::character varying])::text[]))),
    CONSTRAINT ck_role_grants_scope CHECK (((((role)::text = 'ADMIN'::text) AND (organisation_id IS NULL)) OR (((role)::text <> 'ADMIN'::text) AND (organisation_id IS NOT NULL))))
);

--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);

--
-- Name: schema_migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.schema_migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: schema_migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.schema_migrations_id_seq OWNED BY public.schema_migrations.id;

--
-- Name: seed_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seed_runs (
    name character varying(60) NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: service_areas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_areas (
    service_id uuid NOT NULL,
    area_id uuid NOT NULL
);

--
-- Name: service_locations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_locations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    service_id uuid NOT NULL,
    location_id uuid NOT NULL,
    description text
);

--
-- Name: service_area_ids; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.service_area_ids AS
 SELECT x.service_id AS owner,
    unnest(a.path_ids) AS area_id
   FROM (public.service_areas x
     JOIN public.areas a ON ((a.id = x.area_id)))
UNION ALL
 SELECT sl.service_id AS owner,
    unnest(a.path_ids) AS area_id
   FROM ((public.service_locations sl
     JOIN public.locations l ON ((l.id = sl.location_id)))
     JOIN public.areas a ON ((a.id = l.area_id)));

--
-- Name: service_contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    service_id uuid NOT NULL,
    name character varying(120),
    title character varying(120),
    email character varying(254),
    phone character varying(40)
);

--
-- Name: service_cost_options; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_cost_options (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    service_id uuid NOT NULL,
    option character varying(200),
    amount_pence integer,
    amount_description text,
    valid_from date,
    valid_to date,
    CONSTRAINT ck_service_cost_options_amount CHECK (((amount_pence IS NULL) OR (amount_pence >= 0)))
);

--
-- Name: service_schedules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_schedules (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    service_id uuid NOT NULL,
    freq character varying(7),
    "interval" smallint,
    byday character varying(60),
    opens_at time without time zone,
    closes_at time without time zone,
    valid_from date,
    valid_to date,
    description text,
    CONSTRAINT ck_service_schedules_freq CHECK (((freq IS NULL) OR ((freq)::text = ANY ((ARRAY['WEEKLY'::character varying, 'MONTHLY'::character varying])::text[])))),
    CONSTRAINT ck_service_schedules_interval CHECK ((("interval" IS NULL) OR (("interval" >= 1) AND ("interval" <= 52))))
);

--
-- Name: service_taxonomy_terms; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_taxonomy_terms (
    service_id uuid NOT NULL,
    term_id uuid NOT NULL
);

--
-- Name: services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.services (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    description text,
    url character varying(300),
    email character varying(254),
    status character varying(20) DEFAULT 'active'::character varying NOT NULL,
    fees text,
    eligibility_description text,
    minimum_age smallint,
    maximum_age smallint,
    languages character varying(3)[] DEFAULT '{}'::character varying[] NOT NULL,
    assured_date date,
    assurer_email character varying(254),
    visibility character varying(10) DEFAULT 'PUBLIC'::character varying NOT NULL,
    is_demo boolean DEFAULT false NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    search_tags tsvector DEFAULT ''::tsvector NOT NULL,
    search_name text GENERATED ALWAYS AS (public.search_normalise((name)::text)) STORED NOT NULL,
    search_document tsvector GENERATED ALWAYS AS (((((setweight(to_tsvector('public.cohesion_english'::regconfig, (COALESCE(name, ''::character varying))::text), 'A'::"char") || setweight(to_tsvector('public.cohesion_english'::regconfig, COALESCE(description, ''::text)), 'B'::"char")) || setweight(to_tsvector('public.cohesion_english'::regconfig, COALESCE(eligibility_description, ''::text)), 'C'::"char")) || setweight(to_tsvector('public.cohesion_english'::regconfig, COALESCE(fees, ''::text)), 'D'::"char")) || search_tags)) STORED NOT NULL,
    area_path_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    term_path_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    source_feed character varying(500),
    source_id uuid,
    CONSTRAINT ck_services_ages CHECK ((((minimum_age IS NULL) OR ((minimum_age >= 0) AND (minimum_age <= 130))) AND ((maximum_age IS NULL) OR ((maximum_age >= 0) AND (maximum_age <= 130))) AND ((minimum_age IS NULL) OR (maximum_age IS NULL) OR (minimum_age <= maximum_age)))),
    CONSTRAINT ck_services_status CHECK (((status)::text = ANY ((ARRAY['active'::character varying, 'inactive'::character varying, 'defunct'::character varying, 'temporarily closed'::character varying])::text[]))),
    CONSTRAINT ck_services_version CHECK ((version > 0)),
    CONSTRAINT ck_services_visibility CHECK (((visibility)::text = ANY ((ARRAY['PUBLIC'::character varying, 'MEMBERS'::character varying])::text[])))
);

--
-- Name: service_tag_names; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.service_tag_names AS
 SELECT x.service_id AS owner,
    broader.name
   FROM ((public.service_taxonomy_terms x
     JOIN public.taxonomy_terms t ON ((t.id = x.term_id)))
     JOIN public.taxonomy_terms broader ON ((broader.id = ANY (t.path_ids))))
UNION ALL
 SELECT x.service_id AS owner,
    outer_area.name
   FROM ((public.service_areas x
     JOIN public.areas a ON ((a.id = x.area_id)))
     JOIN public.areas outer_area ON ((outer_area.id = ANY (a.path_ids))))
UNION ALL
 SELECT sl.service_id AS owner,
    outer_area.name
   FROM (((public.service_locations sl
     JOIN public.locations l ON ((l.id = sl.location_id)))
     JOIN public.areas a ON ((a.id = l.area_id)))
     JOIN public.areas outer_area ON ((outer_area.id = ANY (a.path_ids))))
UNION ALL
 SELECT s.id AS owner,
    o.name
   FROM (public.services s
     JOIN public.organisations o ON ((o.id = s.organisation_id)))
UNION ALL
 SELECT sl.service_id AS owner,
    concat_ws(' '::text, l.name, l.town) AS name
   FROM (public.service_locations sl
     JOIN public.locations l ON ((l.id = sl.location_id)));

--
-- Name: service_term_ids; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.service_term_ids AS
 SELECT x.service_id AS owner,
    unnest(t.path_ids) AS term_id
   FROM (public.service_taxonomy_terms x
     JOIN public.taxonomy_terms t ON ((t.id = x.term_id)));

--
-- Name: taxonomies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.taxonomies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code character varying(60) NOT NULL,
    name character varying(120) NOT NULL,
    description text,
    uri character varying(300),
    version character varying(20),
    source_feed character varying(500),
    source_id uuid
);

--
-- Name: taxonomy_sources; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.taxonomy_sources (
    source_id uuid NOT NULL,
    taxonomy_id uuid NOT NULL,
    source_feed character varying(500)
);

--
-- Name: taxonomy_term_sources; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.taxonomy_term_sources (
    source_id uuid NOT NULL,
    term_id uuid NOT NULL,
    source_feed character varying(500)
);

--
-- Name: typeorm_metadata; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.typeorm_metadata (
    type character varying NOT NULL,
    database character varying,
    schema character varying,
    "table" character varying,
    name character varying,
    value text
);

--
-- Name: web_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.web_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    token_hash character(64) NOT NULL,
    account_id uuid NOT NULL,
    family_id uuid NOT NULL,
    session_epoch integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

--
-- Name: schema_migrations id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations ALTER COLUMN id SET DEFAULT nextval('public.schema_migrations_id_seq'::regclass);

--
-- Name: account_identities pk_account_identities_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_identities
    ADD CONSTRAINT pk_account_identities_id PRIMARY KEY (id);

--
-- Name: account_links pk_account_links_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_links
    ADD CONSTRAINT pk_account_links_id PRIMARY KEY (id);

--
-- Name: accounts pk_accounts_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT pk_accounts_id PRIMARY KEY (id);

--
-- Name: areas pk_areas_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.areas
    ADD CONSTRAINT pk_areas_id PRIMARY KEY (id);

--
-- Name: audit_entries pk_audit_entries_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entries
    ADD CONSTRAINT pk_audit_entries_id PRIMARY KEY (id);

--
-- Name: connection_counts pk_connection_counts_practitioner_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.connection_counts
    ADD CONSTRAINT pk_connection_counts_practitioner_id PRIMARY KEY (practitioner_id);

--
-- Name: connections pk_connections_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.connections
    ADD CONSTRAINT pk_connections_id PRIMARY KEY (id);

--
-- Name: erasures pk_erasures_account_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erasures
    ADD CONSTRAINT pk_erasures_account_id PRIMARY KEY (account_id);

--
-- Name: grant_application_areas pk_grant_application_areas_application_id_area_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_application_areas
    ADD CONSTRAINT pk_grant_application_areas_application_id_area_id PRIMARY KEY (application_id, area_id);

--
-- Name: grant_application_themes pk_grant_application_themes_application_id_term_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_application_themes
    ADD CONSTRAINT pk_grant_application_themes_application_id_term_id PRIMARY KEY (application_id, term_id);

--
-- Name: grant_applications pk_grant_applications_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_applications
    ADD CONSTRAINT pk_grant_applications_id PRIMARY KEY (id);

--
-- Name: grant_conflict_declarations pk_grant_conflict_declarations_application_id_assessor_a96027da; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_conflict_declarations
    ADD CONSTRAINT pk_grant_conflict_declarations_application_id_assessor_a96027da PRIMARY KEY (application_id, assessor_account_id);

--
-- Name: grant_criteria pk_grant_criteria_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_criteria
    ADD CONSTRAINT pk_grant_criteria_id PRIMARY KEY (id);

--
-- Name: grant_fund_areas pk_grant_fund_areas_fund_id_area_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_fund_areas
    ADD CONSTRAINT pk_grant_fund_areas_fund_id_area_id PRIMARY KEY (fund_id, area_id);

--
-- Name: grant_fund_themes pk_grant_fund_themes_fund_id_term_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_fund_themes
    ADD CONSTRAINT pk_grant_fund_themes_fund_id_term_id PRIMARY KEY (fund_id, term_id);

--
-- Name: grant_funds pk_grant_funds_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_funds
    ADD CONSTRAINT pk_grant_funds_id PRIMARY KEY (id);

--
-- Name: grant_monitoring_reports pk_grant_monitoring_reports_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_monitoring_reports
    ADD CONSTRAINT pk_grant_monitoring_reports_id PRIMARY KEY (id);

--
-- Name: grant_payments pk_grant_payments_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_payments
    ADD CONSTRAINT pk_grant_payments_id PRIMARY KEY (id);

--
-- Name: grant_round_areas pk_grant_round_areas_round_id_area_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_round_areas
    ADD CONSTRAINT pk_grant_round_areas_round_id_area_id PRIMARY KEY (round_id, area_id);

--
-- Name: grant_rounds pk_grant_rounds_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_rounds
    ADD CONSTRAINT pk_grant_rounds_id PRIMARY KEY (id);

--
-- Name: grant_scores pk_grant_scores_application_id_assessor_account_id_criterion_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_scores
    ADD CONSTRAINT pk_grant_scores_application_id_assessor_account_id_criterion_id PRIMARY KEY (application_id, assessor_account_id, criterion_id);

--
-- Name: introductions pk_introductions_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.introductions
    ADD CONSTRAINT pk_introductions_id PRIMARY KEY (id);

--
-- Name: locations pk_locations_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.locations
    ADD CONSTRAINT pk_locations_id PRIMARY KEY (id);

--
-- Name: membership_invitations pk_membership_invitations_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_invitations
    ADD CONSTRAINT pk_membership_invitations_id PRIMARY KEY (id);

--
-- Name: misuse_reports pk_misuse_reports_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.misuse_reports
    ADD CONSTRAINT pk_misuse_reports_id PRIMARY KEY (id);

--
-- Name: notification_deliveries pk_notification_deliveries_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_deliveries
    ADD CONSTRAINT pk_notification_deliveries_id PRIMARY KEY (id);

--
-- Name: notifications pk_notifications_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT pk_notifications_id PRIMARY KEY (id);

--
-- Name: oidc_connections pk_oidc_connections_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oidc_connections
    ADD CONSTRAINT pk_oidc_connections_id PRIMARY KEY (id);

--
-- Name: oidc_sign_in_attempts pk_oidc_sign_in_attempts_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oidc_sign_in_attempts
    ADD CONSTRAINT pk_oidc_sign_in_attempts_id PRIMARY KEY (id);

--
-- Name: organisation_areas pk_organisation_areas_organisation_id_area_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_areas
    ADD CONSTRAINT pk_organisation_areas_organisation_id_area_id PRIMARY KEY (organisation_id, area_id);

--
-- Name: organisation_email_domains pk_organisation_email_domains_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_email_domains
    ADD CONSTRAINT pk_organisation_email_domains_id PRIMARY KEY (id);

--
-- Name: organisation_identifiers pk_organisation_identifiers_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_identifiers
    ADD CONSTRAINT pk_organisation_identifiers_id PRIMARY KEY (id);

--
-- Name: organisation_partnerships pk_organisation_partnerships_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_partnerships
    ADD CONSTRAINT pk_organisation_partnerships_id PRIMARY KEY (id);

--
-- Name: organisation_themes pk_organisation_themes_organisation_id_term_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_themes
    ADD CONSTRAINT pk_organisation_themes_organisation_id_term_id PRIMARY KEY (organisation_id, term_id);

--
-- Name: organisations pk_organisations_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT pk_organisations_id PRIMARY KEY (id);

--
-- Name: partnership_proposals pk_partnership_proposals_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partnership_proposals
    ADD CONSTRAINT pk_partnership_proposals_id PRIMARY KEY (id);

--
-- Name: password_reset_requests pk_password_reset_requests_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.password_reset_requests
    ADD CONSTRAINT pk_password_reset_requests_id PRIMARY KEY (id);

--
-- Name: practitioner_areas pk_practitioner_areas_practitioner_id_area_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_areas
    ADD CONSTRAINT pk_practitioner_areas_practitioner_id_area_id PRIMARY KEY (practitioner_id, area_id);

--
-- Name: practitioner_blocks pk_practitioner_blocks_blocker_id_blocked_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_blocks
    ADD CONSTRAINT pk_practitioner_blocks_blocker_id_blocked_id PRIMARY KEY (blocker_id, blocked_id);

--
-- Name: practitioner_memberships pk_practitioner_memberships_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_memberships
    ADD CONSTRAINT pk_practitioner_memberships_id PRIMARY KEY (id);

--
-- Name: practitioner_themes pk_practitioner_themes_practitioner_id_term_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_themes
    ADD CONSTRAINT pk_practitioner_themes_practitioner_id_term_id PRIMARY KEY (practitioner_id, term_id);

--
-- Name: practitioners pk_practitioners_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioners
    ADD CONSTRAINT pk_practitioners_id PRIMARY KEY (id);

--
-- Name: refresh_tokens pk_refresh_tokens_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refresh_tokens
    ADD CONSTRAINT pk_refresh_tokens_id PRIMARY KEY (id);

--
-- Name: role_grants pk_role_grants_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_grants
    ADD CONSTRAINT pk_role_grants_id PRIMARY KEY (id);

--
-- Name: schema_migrations pk_schema_migrations_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT pk_schema_migrations_id PRIMARY KEY (id);

--
-- Name: seed_runs pk_seed_runs_name; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seed_runs
    ADD CONSTRAINT pk_seed_runs_name PRIMARY KEY (name);

--
-- Name: service_areas pk_service_areas_service_id_area_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_areas
    ADD CONSTRAINT pk_service_areas_service_id_area_id PRIMARY KEY (service_id, area_id);

--
-- Name: service_contacts pk_service_contacts_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_contacts
    ADD CONSTRAINT pk_service_contacts_id PRIMARY KEY (id);

--
-- Name: service_cost_options pk_service_cost_options_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_cost_options
    ADD CONSTRAINT pk_service_cost_options_id PRIMARY KEY (id);

--
-- Name: service_locations pk_service_locations_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_locations
    ADD CONSTRAINT pk_service_locations_id PRIMARY KEY (id);

--
-- Name: service_schedules pk_service_schedules_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_schedules
    ADD CONSTRAINT pk_service_schedules_id PRIMARY KEY (id);

--
-- Name: service_taxonomy_terms pk_service_taxonomy_terms_service_id_term_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_taxonomy_terms
    ADD CONSTRAINT pk_service_taxonomy_terms_service_id_term_id PRIMARY KEY (service_id, term_id);

--
-- Name: services pk_services_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.services
    ADD CONSTRAINT pk_services_id PRIMARY KEY (id);

--
-- Name: taxonomies pk_taxonomies_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomies
    ADD CONSTRAINT pk_taxonomies_id PRIMARY KEY (id);

--
-- Name: taxonomy_sources pk_taxonomy_sources_source_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomy_sources
    ADD CONSTRAINT pk_taxonomy_sources_source_id PRIMARY KEY (source_id);

--
-- Name: taxonomy_term_sources pk_taxonomy_term_sources_source_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomy_term_sources
    ADD CONSTRAINT pk_taxonomy_term_sources_source_id PRIMARY KEY (source_id);

--
-- Name: taxonomy_terms pk_taxonomy_terms_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomy_terms
    ADD CONSTRAINT pk_taxonomy_terms_id PRIMARY KEY (id);

--
-- Name: web_sessions pk_web_sessions_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.web_sessions
    ADD CONSTRAINT pk_web_sessions_id PRIMARY KEY (id);

--
-- Name: account_links uq_account_links_token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_links
    ADD CONSTRAINT uq_account_links_token_hash UNIQUE (token_hash);

--
-- Name: accounts uq_accounts_email; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT uq_accounts_email UNIQUE (email);

--
-- Name: connections uq_connections_pair; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.connections
    ADD CONSTRAINT uq_connections_pair UNIQUE (practitioner_a_id, practitioner_b_id);

--
-- Name: grant_criteria uq_grant_criteria_round_position; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_criteria
    ADD CONSTRAINT uq_grant_criteria_round_position UNIQUE (round_id, "position");

--
-- Name: organisation_identifiers uq_organisation_identifiers_scheme_identifier; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_identifiers
    ADD CONSTRAINT uq_organisation_identifiers_scheme_identifier UNIQUE (scheme, identifier);

--
-- Name: refresh_tokens uq_refresh_tokens_token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refresh_tokens
    ADD CONSTRAINT uq_refresh_tokens_token_hash UNIQUE (token_hash);

--
-- Name: service_locations uq_service_locations_service_id_location_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_locations
    ADD CONSTRAINT uq_service_locations_service_id_location_id UNIQUE (service_id, location_id);

--
-- Name: taxonomies uq_taxonomies_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomies
    ADD CONSTRAINT uq_taxonomies_code UNIQUE (code);

--
-- Name: taxonomy_terms uq_taxonomy_terms_taxonomy_id_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomy_terms
    ADD CONSTRAINT uq_taxonomy_terms_taxonomy_id_code UNIQUE (taxonomy_id, code);

--
-- Name: web_sessions uq_web_sessions_token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.web_sessions
    ADD CONSTRAINT uq_web_sessions_token_hash UNIQUE (token_hash);

--
-- Name: idx_account_identities_account_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_account_identities_account_id ON public.account_identities USING btree (account_id);

--
-- Name: idx_account_links_account_id_purpose; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_account_links_account_id_purpose ON public.account_links USING btree (account_id, purpose, created_at);

--
-- Name: idx_accounts_never_verified; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_accounts_never_verified ON public.accounts USING btree (created_at) WHERE (email_verified_at IS NULL);

--
-- Name: idx_areas_parent_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_areas_parent_id ON public.areas USING btree (parent_id);

--
-- Name: idx_areas_path_ids; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_areas_path_ids ON public.areas USING gin (path_ids);

--
-- Name: idx_audit_entries_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_audit_entries_at ON public.audit_entries USING btree (at);

--
-- Name: idx_audit_entries_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_audit_entries_entity ON public.audit_entries USING btree (entity_type, entity_id, at);

--
-- Name: idx_connections_practitioner_b_id_practitioner_a_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_connections_practitioner_b_id_practitioner_a_id ON public.connections USING btree (practitioner_b_id, practitioner_a_id);

--
-- Name: idx_erasures_erased_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_erasures_erased_at ON public.erasures USING btree (erased_at, account_id);

--
-- Name: idx_grant_application_areas_area_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_application_areas_area_id ON public.grant_application_areas USING btree (area_id);

--
-- Name: idx_grant_application_themes_term_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_application_themes_term_id ON public.grant_application_themes USING btree (term_id);

--
-- Name: idx_grant_applications_applicant; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_applications_applicant ON public.grant_applications USING btree (applicant_organisation_id);

--
-- Name: idx_grant_applications_fund_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_applications_fund_id ON public.grant_applications USING btree (fund_id, status, id);

--
-- Name: idx_grant_applications_round_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_applications_round_id ON public.grant_applications USING btree (round_id, status);

--
-- Name: idx_grant_fund_areas_area_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_fund_areas_area_id ON public.grant_fund_areas USING btree (area_id);

--
-- Name: idx_grant_fund_themes_term_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_fund_themes_term_id ON public.grant_fund_themes USING btree (term_id);

--
-- Name: idx_grant_funds_owner_organisation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_funds_owner_organisation_id ON public.grant_funds USING btree (owner_organisation_id, financial_year);

--
-- Name: idx_grant_monitoring_reports_application_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_monitoring_reports_application_id ON public.grant_monitoring_reports USING btree (application_id, due_date);

--
-- Name: idx_grant_monitoring_reports_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_monitoring_reports_due ON public.grant_monitoring_reports USING btree (due_date) WHERE (submitted_at IS NULL);

--
-- Name: idx_grant_payments_application_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_payments_application_id ON public.grant_payments USING btree (application_id, due_date);

--
-- Name: idx_grant_payments_fund_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_payments_fund_id ON public.grant_payments USING btree (fund_id, status);

--
-- Name: idx_grant_round_areas_area_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_round_areas_area_id ON public.grant_round_areas USING btree (area_id);

--
-- Name: idx_grant_rounds_fund_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_grant_rounds_fund_id ON public.grant_rounds USING btree (fund_id, opens_at);

--
-- Name: idx_introductions_broker_id_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_introductions_broker_id_created_at ON public.introductions USING btree (broker_id, created_at, id) WHERE (broker_id IS NOT NULL);

--
-- Name: idx_introductions_expires_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_introductions_expires_at ON public.introductions USING btree (expires_at) WHERE ((status)::text = ANY ((ARRAY['PENDING_BROKER'::character varying, 'PENDING_TARGET'::character varying])::text[]));

--
-- Name: idx_introductions_requester_id_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_introductions_requester_id_created_at ON public.introductions USING btree (requester_id, created_at, id);

--
-- Name: idx_introductions_target_id_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_introductions_target_id_created_at ON public.introductions USING btree (target_id, created_at, id);

--
-- Name: idx_locations_area_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_locations_area_id ON public.locations USING btree (area_id);

--
-- Name: idx_locations_organisation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_locations_organisation_id ON public.locations USING btree (organisation_id);

--
-- Name: idx_locations_position; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_locations_position ON public.locations USING btree (latitude, longitude) WHERE (latitude IS NOT NULL);

--
-- Name: idx_locations_postcode; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_locations_postcode ON public.locations USING btree (postcode);

--
-- Name: idx_membership_invitations_organisation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_membership_invitations_organisation_id ON public.membership_invitations USING btree (organisation_id, created_at, id);

--
-- Name: idx_misuse_reports_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_misuse_reports_created_at ON public.misuse_reports USING btree (created_at, id);

--
-- Name: idx_misuse_reports_reporter_id_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_misuse_reports_reporter_id_created_at ON public.misuse_reports USING btree (reporter_id, created_at);

--
-- Name: idx_misuse_reports_status_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_misuse_reports_status_created_at ON public.misuse_reports USING btree (status, created_at, id);

--
-- Name: idx_notification_deliveries_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_notification_deliveries_due ON public.notification_deliveries USING btree (next_attempt_at) WHERE ((status)::text = 'PENDING'::text);

--
-- Name: idx_notification_deliveries_notification_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_notification_deliveries_notification_id ON public.notification_deliveries USING btree (notification_id);

--
-- Name: idx_notifications_recipient_id_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_notifications_recipient_id_created_at ON public.notifications USING btree (recipient_id, created_at, id);

--
-- Name: idx_oidc_sign_in_attempts_account_link_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_oidc_sign_in_attempts_account_link_id ON public.oidc_sign_in_attempts USING btree (account_link_id) WHERE (account_link_id IS NOT NULL);

--
-- Name: idx_oidc_sign_in_attempts_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_oidc_sign_in_attempts_created_at ON public.oidc_sign_in_attempts USING btree (created_at);

--
-- Name: idx_organisation_areas_area_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisation_areas_area_id ON public.organisation_areas USING btree (area_id);

--
-- Name: idx_organisation_email_domains_domain; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisation_email_domains_domain ON public.organisation_email_domains USING btree (domain) WHERE (verified_at IS NOT NULL);

--
-- Name: idx_organisation_identifiers_organisation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisation_identifiers_organisation_id ON public.organisation_identifiers USING btree (organisation_id);

--
-- Name: idx_organisation_partnerships_partner_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisation_partnerships_partner_id ON public.organisation_partnerships USING btree (partner_id);

--
-- Name: idx_organisation_themes_term_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisation_themes_term_id ON public.organisation_themes USING btree (term_id);

--
-- Name: idx_organisations_area_path_ids; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_area_path_ids ON public.organisations USING gin (area_path_ids);

--
-- Name: idx_organisations_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_kind ON public.organisations USING btree (kind);

--
-- Name: idx_organisations_position; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_position ON public.organisations USING btree (latitude, longitude) WHERE (latitude IS NOT NULL);

--
-- Name: idx_organisations_postcode; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_postcode ON public.organisations USING btree (postcode);

--
-- Name: idx_organisations_published; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_published ON public.organisations USING btree (id) INCLUDE (updated_at) WHERE (verified AND ((visibility)::text = 'PUBLIC'::text));

--
-- Name: idx_organisations_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_search ON public.organisations USING gin (search_document);

--
-- Name: idx_organisations_search_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_search_name ON public.organisations USING gin (search_name public.gin_trgm_ops);

--
-- Name: idx_organisations_sort_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_sort_name ON public.organisations USING btree (lower((name)::text), id);

--
-- Name: idx_organisations_term_path_ids; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_term_path_ids ON public.organisations USING gin (term_path_ids);

--
-- Name: idx_organisations_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_organisations_updated_at ON public.organisations USING btree (updated_at, id);

--
-- Name: idx_partnership_proposals_pair; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_partnership_proposals_pair ON public.partnership_proposals USING btree (organisation_id, partner_id, created_at);

--
-- Name: idx_partnership_proposals_proposed_by; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_partnership_proposals_proposed_by ON public.partnership_proposals USING btree (proposed_by, created_at);

--
-- Name: idx_password_reset_requests_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_password_reset_requests_created_at ON public.password_reset_requests USING btree (created_at);

--
-- Name: idx_practitioner_areas_area_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioner_areas_area_id ON public.practitioner_areas USING btree (area_id);

--
-- Name: idx_practitioner_blocks_blocked_id_blocker_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioner_blocks_blocked_id_blocker_id ON public.practitioner_blocks USING btree (blocked_id, blocker_id);

--
-- Name: idx_practitioner_memberships_organisation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioner_memberships_organisation_id ON public.practitioner_memberships USING btree (organisation_id);

--
-- Name: idx_practitioner_memberships_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioner_memberships_pending ON public.practitioner_memberships USING btree (organisation_id, created_at, id) WHERE ((status)::text = 'PENDING'::text);

--
-- Name: idx_practitioner_memberships_practitioner_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioner_memberships_practitioner_id ON public.practitioner_memberships USING btree (practitioner_id);

--
-- Name: idx_practitioner_themes_term_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioner_themes_term_id ON public.practitioner_themes USING btree (term_id);

--
-- Name: idx_practitioners_area_path_ids; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioners_area_path_ids ON public.practitioners USING gin (area_path_ids);

--
-- Name: idx_practitioners_outside_network; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioners_outside_network ON public.practitioners USING btree (id) WHERE (NOT verified_member);

--
-- Name: idx_practitioners_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioners_search ON public.practitioners USING gin (search_document);

--
-- Name: idx_practitioners_search_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioners_search_name ON public.practitioners USING gin (search_name public.gin_trgm_ops);

--
-- Name: idx_practitioners_sort_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioners_sort_name ON public.practitioners USING btree (lower((full_name)::text), id);

--
-- Name: idx_practitioners_term_path_ids; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioners_term_path_ids ON public.practitioners USING gin (term_path_ids);

--
-- Name: idx_practitioners_undiscoverable; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_practitioners_undiscoverable ON public.practitioners USING btree (id) WHERE (NOT discoverable);

--
-- Name: idx_refresh_tokens_account_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_refresh_tokens_account_id ON public.refresh_tokens USING btree (account_id);

--
-- Name: idx_refresh_tokens_family_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_refresh_tokens_family_id ON public.refresh_tokens USING btree (family_id);

--
-- Name: idx_role_grants_organisation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_role_grants_organisation_id ON public.role_grants USING btree (organisation_id);

--
-- Name: idx_service_areas_area_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_service_areas_area_id ON public.service_areas USING btree (area_id);

--
-- Name: idx_service_contacts_service_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_service_contacts_service_id ON public.service_contacts USING btree (service_id);

--
-- Name: idx_service_cost_options_service_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_service_cost_options_service_id ON public.service_cost_options USING btree (service_id);

--
-- Name: idx_service_locations_location_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_service_locations_location_id ON public.service_locations USING btree (location_id);

--
-- Name: idx_service_schedules_service_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_service_schedules_service_id ON public.service_schedules USING btree (service_id);

--
-- Name: idx_service_taxonomy_terms_term_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_service_taxonomy_terms_term_id ON public.service_taxonomy_terms USING btree (term_id);

--
-- Name: idx_services_area_path_ids; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_area_path_ids ON public.services USING gin (area_path_ids);

--
-- Name: idx_services_organisation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_organisation_id ON public.services USING btree (organisation_id);

--
-- Name: idx_services_published; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_published ON public.services USING btree (id) INCLUDE (organisation_id) WHERE (((status)::text = 'active'::text) AND ((visibility)::text = 'PUBLIC'::text));

--
-- Name: idx_services_published_sort; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_published_sort ON public.services USING btree (lower((name)::text), id) INCLUDE (organisation_id, name, updated_at) WHERE (((status)::text = 'active'::text) AND ((visibility)::text = 'PUBLIC'::text));

--
-- Name: idx_services_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_search ON public.services USING gin (search_document);

--
-- Name: idx_services_search_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_search_name ON public.services USING gin (search_name public.gin_trgm_ops);

--
-- Name: idx_services_sort_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_sort_name ON public.services USING btree (lower((name)::text), id);

--
-- Name: idx_services_term_path_ids; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_term_path_ids ON public.services USING gin (term_path_ids);

--
-- Name: idx_services_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_services_updated_at ON public.services USING btree (updated_at, id);

--
-- Name: idx_taxonomy_sources_taxonomy_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_taxonomy_sources_taxonomy_id ON public.taxonomy_sources USING btree (taxonomy_id);

--
-- Name: idx_taxonomy_term_sources_term_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_taxonomy_term_sources_term_id ON public.taxonomy_term_sources USING btree (term_id);

--
-- Name: idx_taxonomy_terms_parent_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_taxonomy_terms_parent_id ON public.taxonomy_terms USING btree (parent_id);

--
-- Name: idx_taxonomy_terms_parent_source_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_taxonomy_terms_parent_source_id ON public.taxonomy_terms USING btree (parent_source_id) WHERE (parent_source_id IS NOT NULL);

--
-- Name: idx_taxonomy_terms_path_ids; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_taxonomy_terms_path_ids ON public.taxonomy_terms USING gin (path_ids);

--
-- Name: idx_web_sessions_account_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_web_sessions_account_id ON public.web_sessions USING btree (account_id);

--
-- Name: uq_account_identities_issuer_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_account_identities_issuer_subject ON public.account_identities USING btree (issuer, subject);

--
-- Name: uq_areas_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_areas_code ON public.areas USING btree (code) WHERE (code IS NOT NULL);

--
-- Name: uq_grant_applications_external_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_grant_applications_external_id ON public.grant_applications USING btree (external_id) WHERE (external_id IS NOT NULL);

--
-- Name: uq_introductions_open_pair; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_introductions_open_pair ON public.introductions USING btree (LEAST(requester_id, target_id), GREATEST(requester_id, target_id)) WHERE ((status)::text = ANY ((ARRAY['PENDING_BROKER'::character varying, 'PENDING_TARGET'::character varying])::text[]));

--
-- Name: uq_locations_source_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_locations_source_id ON public.locations USING btree (source_id) WHERE (source_id IS NOT NULL);

--
-- Name: uq_membership_invitations_open; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_membership_invitations_open ON public.membership_invitations USING btree (organisation_id, email) WHERE ((status)::text = 'PENDING'::text);

--
-- Name: uq_membership_invitations_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_membership_invitations_token_hash ON public.membership_invitations USING btree (token_hash);

--
-- Name: uq_misuse_reports_open_organisation; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_misuse_reports_open_organisation ON public.misuse_reports USING btree (reporter_id, organisation_id) WHERE (((status)::text = 'OPEN'::text) AND (organisation_id IS NOT NULL));

--
-- Name: uq_misuse_reports_open_practitioner; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_misuse_reports_open_practitioner ON public.misuse_reports USING btree (reporter_id, practitioner_id) WHERE (((status)::text = 'OPEN'::text) AND (practitioner_id IS NOT NULL));

--
-- Name: uq_oidc_connections_organisation_issuer; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_oidc_connections_organisation_issuer ON public.oidc_connections USING btree (organisation_id, issuer);

--
-- Name: uq_oidc_sign_in_attempts_code_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_oidc_sign_in_attempts_code_hash ON public.oidc_sign_in_attempts USING btree (code_hash) WHERE (code_hash IS NOT NULL);

--
-- Name: uq_oidc_sign_in_attempts_state_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_oidc_sign_in_attempts_state_hash ON public.oidc_sign_in_attempts USING btree (state_hash);

--
-- Name: uq_organisation_email_domains; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_organisation_email_domains ON public.organisation_email_domains USING btree (organisation_id, domain);

--
-- Name: uq_organisation_partnerships_pair; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_organisation_partnerships_pair ON public.organisation_partnerships USING btree (kind, (
CASE
    WHEN ((kind)::text = 'PARTNERS_WITH'::text) THEN LEAST(organisation_id, partner_id)
    ELSE organisation_id
END), (
CASE
    WHEN ((kind)::text = 'PARTNERS_WITH'::text) THEN GREATEST(organisation_id, partner_id)
    ELSE partner_id
END));

--
-- Name: uq_organisations_source_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_organisations_source_id ON public.organisations USING btree (source_id) WHERE (source_id IS NOT NULL);

--
-- Name: uq_role_grants_global; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_role_grants_global ON public.role_grants USING btree (account_id, role) WHERE (organisation_id IS NULL);

--
-- Name: uq_role_grants_scoped; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_role_grants_scoped ON public.role_grants USING btree (account_id, role, organisation_id) WHERE (organisation_id IS NOT NULL);

--
-- Name: uq_services_source_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_services_source_id ON public.services USING btree (source_id) WHERE (source_id IS NOT NULL);

--
-- Name: uq_taxonomies_source_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_taxonomies_source_id ON public.taxonomies USING btree (source_id) WHERE (source_id IS NOT NULL);

--
-- Name: uq_taxonomy_terms_source_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_taxonomy_terms_source_id ON public.taxonomy_terms USING btree (source_id) WHERE (source_id IS NOT NULL);

--
-- Name: areas areas_move_descendants; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER areas_move_descendants AFTER UPDATE OF parent_id ON public.areas FOR EACH ROW EXECUTE FUNCTION public.tree_move_descendants();

--
-- Name: areas areas_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER areas_search_tags AFTER UPDATE OF name, parent_id ON public.areas FOR EACH ROW EXECUTE FUNCTION public.area_renamed();

--
-- Name: areas areas_set_path; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER areas_set_path BEFORE INSERT OR UPDATE OF parent_id ON public.areas FOR EACH ROW EXECUTE FUNCTION public.tree_set_path();

--
-- Name: audit_entries audit_entries_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON public.audit_entries FOR EACH ROW EXECUTE FUNCTION public.audit_entries_append_only();

--
-- Name: audit_entries audit_entries_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON public.audit_entries FOR EACH STATEMENT EXECUTE FUNCTION public.audit_entries_append_only();

--
-- Name: connections connections_counted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER connections_counted AFTER INSERT OR DELETE ON public.connections FOR EACH ROW EXECUTE FUNCTION public.connections_counted();

--
-- Name: locations locations_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER locations_search_tags AFTER UPDATE OF name, town, area_id ON public.locations FOR EACH ROW EXECUTE FUNCTION public.location_changed();

--
-- Name: organisation_areas organisation_areas_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER organisation_areas_search_tags AFTER INSERT OR DELETE OR UPDATE ON public.organisation_areas FOR EACH ROW EXECUTE FUNCTION public.organisation_links_changed();

--
-- Name: organisation_themes organisation_themes_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER organisation_themes_search_tags AFTER INSERT OR DELETE OR UPDATE ON public.organisation_themes FOR EACH ROW EXECUTE FUNCTION public.organisation_links_changed();

--
-- Name: organisations organisations_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER organisations_search_tags AFTER UPDATE OF name ON public.organisations FOR EACH ROW EXECUTE FUNCTION public.organisation_renamed();

--
-- Name: practitioner_areas practitioner_areas_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER practitioner_areas_search_tags AFTER INSERT OR DELETE OR UPDATE ON public.practitioner_areas FOR EACH ROW EXECUTE FUNCTION public.practitioner_links_changed();

--
-- Name: practitioner_memberships practitioner_memberships_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER practitioner_memberships_search_tags AFTER INSERT OR DELETE OR UPDATE ON public.practitioner_memberships FOR EACH ROW EXECUTE FUNCTION public.practitioner_links_changed();

--
-- Name: practitioner_themes practitioner_themes_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER practitioner_themes_search_tags AFTER INSERT OR DELETE OR UPDATE ON public.practitioner_themes FOR EACH ROW EXECUTE FUNCTION public.practitioner_links_changed();

--
-- Name: service_areas service_areas_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER service_areas_search_tags AFTER INSERT OR DELETE OR UPDATE ON public.service_areas FOR EACH ROW EXECUTE FUNCTION public.service_links_changed();

--
-- Name: service_locations service_locations_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER service_locations_search_tags AFTER INSERT OR DELETE OR UPDATE ON public.service_locations FOR EACH ROW EXECUTE FUNCTION public.service_links_changed();

--
-- Name: service_taxonomy_terms service_taxonomy_terms_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER service_taxonomy_terms_search_tags AFTER INSERT OR DELETE OR UPDATE ON public.service_taxonomy_terms FOR EACH ROW EXECUTE FUNCTION public.service_links_changed();

--
-- Name: taxonomy_terms taxonomy_terms_move_descendants; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER taxonomy_terms_move_descendants AFTER UPDATE OF parent_id ON public.taxonomy_terms FOR EACH ROW EXECUTE FUNCTION public.tree_move_descendants();

--
-- Name: taxonomy_terms taxonomy_terms_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER taxonomy_terms_search_tags AFTER UPDATE OF name, parent_id ON public.taxonomy_terms FOR EACH ROW EXECUTE FUNCTION public.term_renamed();

--
-- Name: taxonomy_terms taxonomy_terms_set_path; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER taxonomy_terms_set_path BEFORE INSERT OR UPDATE OF parent_id ON public.taxonomy_terms FOR EACH ROW EXECUTE FUNCTION public.tree_set_path();

--
-- Name: account_identities fk_account_identities_account_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_identities
    ADD CONSTRAINT fk_account_identities_account_id FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: account_links fk_account_links_account_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_links
    ADD CONSTRAINT fk_account_links_account_id FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: accounts fk_accounts_suspended_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT fk_accounts_suspended_by FOREIGN KEY (suspended_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: areas fk_areas_parent_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.areas
    ADD CONSTRAINT fk_areas_parent_id FOREIGN KEY (parent_id) REFERENCES public.areas(id) ON DELETE RESTRICT;

--
-- Name: connection_counts fk_connection_counts_practitioner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.connection_counts
    ADD CONSTRAINT fk_connection_counts_practitioner_id FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: connections fk_connections_practitioner_a_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.connections
    ADD CONSTRAINT fk_connections_practitioner_a_id FOREIGN KEY (practitioner_a_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: connections fk_connections_practitioner_b_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.connections
    ADD CONSTRAINT fk_connections_practitioner_b_id FOREIGN KEY (practitioner_b_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: grant_application_areas fk_grant_application_areas_application_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_application_areas
    ADD CONSTRAINT fk_grant_application_areas_application_id FOREIGN KEY (application_id) REFERENCES public.grant_applications(id) ON DELETE CASCADE;

--
-- Name: grant_application_areas fk_grant_application_areas_area_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_application_areas
    ADD CONSTRAINT fk_grant_application_areas_area_id FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE RESTRICT;

--
-- Name: grant_application_themes fk_grant_application_themes_application_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_application_themes
    ADD CONSTRAINT fk_grant_application_themes_application_id FOREIGN KEY (application_id) REFERENCES public.grant_applications(id) ON DELETE CASCADE;

--
-- Name: grant_application_themes fk_grant_application_themes_term_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_application_themes
    ADD CONSTRAINT fk_grant_application_themes_term_id FOREIGN KEY (term_id) REFERENCES public.taxonomy_terms(id) ON DELETE RESTRICT;

--
-- Name: grant_applications fk_grant_applications_applicant_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_applications
    ADD CONSTRAINT fk_grant_applications_applicant_organisation_id FOREIGN KEY (applicant_organisation_id) REFERENCES public.organisations(id) ON DELETE RESTRICT;

--
-- Name: grant_applications fk_grant_applications_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_applications
    ADD CONSTRAINT fk_grant_applications_created_by FOREIGN KEY (created_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: grant_applications fk_grant_applications_fund_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_applications
    ADD CONSTRAINT fk_grant_applications_fund_id FOREIGN KEY (fund_id) REFERENCES public.grant_funds(id) ON DELETE RESTRICT;

--
-- Name: grant_applications fk_grant_applications_round_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_applications
    ADD CONSTRAINT fk_grant_applications_round_id FOREIGN KEY (round_id) REFERENCES public.grant_rounds(id) ON DELETE RESTRICT;

--
-- Name: grant_conflict_declarations fk_grant_conflict_declarations_application_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_conflict_declarations
    ADD CONSTRAINT fk_grant_conflict_declarations_application_id FOREIGN KEY (application_id) REFERENCES public.grant_applications(id) ON DELETE CASCADE;

--
-- Name: grant_conflict_declarations fk_grant_conflict_declarations_assessor_account_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_conflict_declarations
    ADD CONSTRAINT fk_grant_conflict_declarations_assessor_account_id FOREIGN KEY (assessor_account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: grant_criteria fk_grant_criteria_round_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_criteria
    ADD CONSTRAINT fk_grant_criteria_round_id FOREIGN KEY (round_id) REFERENCES public.grant_rounds(id) ON DELETE CASCADE;

--
-- Name: grant_fund_areas fk_grant_fund_areas_area_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_fund_areas
    ADD CONSTRAINT fk_grant_fund_areas_area_id FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE RESTRICT;

--
-- Name: grant_fund_areas fk_grant_fund_areas_fund_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_fund_areas
    ADD CONSTRAINT fk_grant_fund_areas_fund_id FOREIGN KEY (fund_id) REFERENCES public.grant_funds(id) ON DELETE CASCADE;

--
-- Name: grant_fund_themes fk_grant_fund_themes_fund_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_fund_themes
    ADD CONSTRAINT fk_grant_fund_themes_fund_id FOREIGN KEY (fund_id) REFERENCES public.grant_funds(id) ON DELETE CASCADE;

--
-- Name: grant_fund_themes fk_grant_fund_themes_term_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_fund_themes
    ADD CONSTRAINT fk_grant_fund_themes_term_id FOREIGN KEY (term_id) REFERENCES public.taxonomy_terms(id) ON DELETE RESTRICT;

--
-- Name: grant_funds fk_grant_funds_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_funds
    ADD CONSTRAINT fk_grant_funds_created_by FOREIGN KEY (created_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: grant_funds fk_grant_funds_owner_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_funds
    ADD CONSTRAINT fk_grant_funds_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES public.organisations(id) ON DELETE RESTRICT;

--
-- Name: grant_monitoring_reports fk_grant_monitoring_reports_application_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_monitoring_reports
    ADD CONSTRAINT fk_grant_monitoring_reports_application_id FOREIGN KEY (application_id) REFERENCES public.grant_applications(id) ON DELETE CASCADE;

--
-- Name: grant_monitoring_reports fk_grant_monitoring_reports_submitted_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_monitoring_reports
    ADD CONSTRAINT fk_grant_monitoring_reports_submitted_by FOREIGN KEY (submitted_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: grant_payments fk_grant_payments_application_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_payments
    ADD CONSTRAINT fk_grant_payments_application_id FOREIGN KEY (application_id) REFERENCES public.grant_applications(id) ON DELETE RESTRICT;

--
-- Name: grant_payments fk_grant_payments_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_payments
    ADD CONSTRAINT fk_grant_payments_created_by FOREIGN KEY (created_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: grant_payments fk_grant_payments_fund_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_payments
    ADD CONSTRAINT fk_grant_payments_fund_id FOREIGN KEY (fund_id) REFERENCES public.grant_funds(id) ON DELETE RESTRICT;

--
-- Name: grant_round_areas fk_grant_round_areas_area_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_round_areas
    ADD CONSTRAINT fk_grant_round_areas_area_id FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE RESTRICT;

--
-- Name: grant_round_areas fk_grant_round_areas_round_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_round_areas
    ADD CONSTRAINT fk_grant_round_areas_round_id FOREIGN KEY (round_id) REFERENCES public.grant_rounds(id) ON DELETE CASCADE;

--
-- Name: grant_rounds fk_grant_rounds_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_rounds
    ADD CONSTRAINT fk_grant_rounds_created_by FOREIGN KEY (created_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: grant_rounds fk_grant_rounds_fund_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_rounds
    ADD CONSTRAINT fk_grant_rounds_fund_id FOREIGN KEY (fund_id) REFERENCES public.grant_funds(id) ON DELETE RESTRICT;

--
-- Name: grant_scores fk_grant_scores_application_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_scores
    ADD CONSTRAINT fk_grant_scores_application_id FOREIGN KEY (application_id) REFERENCES public.grant_applications(id) ON DELETE CASCADE;

--
-- Name: grant_scores fk_grant_scores_assessor_account_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_scores
    ADD CONSTRAINT fk_grant_scores_assessor_account_id FOREIGN KEY (assessor_account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: grant_scores fk_grant_scores_criterion_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grant_scores
    ADD CONSTRAINT fk_grant_scores_criterion_id FOREIGN KEY (criterion_id) REFERENCES public.grant_criteria(id) ON DELETE CASCADE;

--
-- Name: introductions fk_introductions_broker_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.introductions
    ADD CONSTRAINT fk_introductions_broker_id FOREIGN KEY (broker_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: introductions fk_introductions_requester_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.introductions
    ADD CONSTRAINT fk_introductions_requester_id FOREIGN KEY (requester_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: introductions fk_introductions_target_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.introductions
    ADD CONSTRAINT fk_introductions_target_id FOREIGN KEY (target_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: locations fk_locations_area_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.locations
    ADD CONSTRAINT fk_locations_area_id FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE SET NULL;

--
-- Name: locations fk_locations_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.locations
    ADD CONSTRAINT fk_locations_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: membership_invitations fk_membership_invitations_accepted_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_invitations
    ADD CONSTRAINT fk_membership_invitations_accepted_by FOREIGN KEY (accepted_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: membership_invitations fk_membership_invitations_invited_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_invitations
    ADD CONSTRAINT fk_membership_invitations_invited_by FOREIGN KEY (invited_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: membership_invitations fk_membership_invitations_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_invitations
    ADD CONSTRAINT fk_membership_invitations_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: misuse_reports fk_misuse_reports_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.misuse_reports
    ADD CONSTRAINT fk_misuse_reports_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: misuse_reports fk_misuse_reports_practitioner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.misuse_reports
    ADD CONSTRAINT fk_misuse_reports_practitioner_id FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: misuse_reports fk_misuse_reports_reporter_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.misuse_reports
    ADD CONSTRAINT fk_misuse_reports_reporter_id FOREIGN KEY (reporter_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: misuse_reports fk_misuse_reports_resolved_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.misuse_reports
    ADD CONSTRAINT fk_misuse_reports_resolved_by FOREIGN KEY (resolved_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: notification_deliveries fk_notification_deliveries_notification_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_deliveries
    ADD CONSTRAINT fk_notification_deliveries_notification_id FOREIGN KEY (notification_id) REFERENCES public.notifications(id) ON DELETE CASCADE;

--
-- Name: notifications fk_notifications_recipient_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT fk_notifications_recipient_id FOREIGN KEY (recipient_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: oidc_connections fk_oidc_connections_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oidc_connections
    ADD CONSTRAINT fk_oidc_connections_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: oidc_sign_in_attempts fk_oidc_sign_in_attempts_account_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oidc_sign_in_attempts
    ADD CONSTRAINT fk_oidc_sign_in_attempts_account_id FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: oidc_sign_in_attempts fk_oidc_sign_in_attempts_account_link_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oidc_sign_in_attempts
    ADD CONSTRAINT fk_oidc_sign_in_attempts_account_link_id FOREIGN KEY (account_link_id) REFERENCES public.account_links(id) ON DELETE SET NULL;

--
-- Name: oidc_sign_in_attempts fk_oidc_sign_in_attempts_connection_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oidc_sign_in_attempts
    ADD CONSTRAINT fk_oidc_sign_in_attempts_connection_id FOREIGN KEY (connection_id) REFERENCES public.oidc_connections(id) ON DELETE CASCADE;

--
-- Name: organisation_areas fk_organisation_areas_area_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_areas
    ADD CONSTRAINT fk_organisation_areas_area_id FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE RESTRICT;

--
-- Name: organisation_areas fk_organisation_areas_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_areas
    ADD CONSTRAINT fk_organisation_areas_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: organisation_email_domains fk_organisation_email_domains_added_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_email_domains
    ADD CONSTRAINT fk_organisation_email_domains_added_by FOREIGN KEY (added_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: organisation_email_domains fk_organisation_email_domains_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_email_domains
    ADD CONSTRAINT fk_organisation_email_domains_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: organisation_email_domains fk_organisation_email_domains_verified_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_email_domains
    ADD CONSTRAINT fk_organisation_email_domains_verified_by FOREIGN KEY (verified_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: organisation_identifiers fk_organisation_identifiers_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_identifiers
    ADD CONSTRAINT fk_organisation_identifiers_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: organisation_partnerships fk_organisation_partnerships_confirmed_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_partnerships
    ADD CONSTRAINT fk_organisation_partnerships_confirmed_by FOREIGN KEY (confirmed_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: organisation_partnerships fk_organisation_partnerships_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_partnerships
    ADD CONSTRAINT fk_organisation_partnerships_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: organisation_partnerships fk_organisation_partnerships_partner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_partnerships
    ADD CONSTRAINT fk_organisation_partnerships_partner_id FOREIGN KEY (partner_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: organisation_partnerships fk_organisation_partnerships_proposed_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_partnerships
    ADD CONSTRAINT fk_organisation_partnerships_proposed_by FOREIGN KEY (proposed_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: organisation_themes fk_organisation_themes_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_themes
    ADD CONSTRAINT fk_organisation_themes_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: organisation_themes fk_organisation_themes_term_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_themes
    ADD CONSTRAINT fk_organisation_themes_term_id FOREIGN KEY (term_id) REFERENCES public.taxonomy_terms(id) ON DELETE RESTRICT;

--
-- Name: organisations fk_organisations_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT fk_organisations_created_by FOREIGN KEY (created_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: organisations fk_organisations_verified_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT fk_organisations_verified_by FOREIGN KEY (verified_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: partnership_proposals fk_partnership_proposals_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partnership_proposals
    ADD CONSTRAINT fk_partnership_proposals_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: partnership_proposals fk_partnership_proposals_partner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partnership_proposals
    ADD CONSTRAINT fk_partnership_proposals_partner_id FOREIGN KEY (partner_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: partnership_proposals fk_partnership_proposals_proposed_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partnership_proposals
    ADD CONSTRAINT fk_partnership_proposals_proposed_by FOREIGN KEY (proposed_by) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: practitioner_areas fk_practitioner_areas_area_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_areas
    ADD CONSTRAINT fk_practitioner_areas_area_id FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE RESTRICT;

--
-- Name: practitioner_areas fk_practitioner_areas_practitioner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_areas
    ADD CONSTRAINT fk_practitioner_areas_practitioner_id FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: practitioner_blocks fk_practitioner_blocks_blocked_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_blocks
    ADD CONSTRAINT fk_practitioner_blocks_blocked_id FOREIGN KEY (blocked_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: practitioner_blocks fk_practitioner_blocks_blocker_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_blocks
    ADD CONSTRAINT fk_practitioner_blocks_blocker_id FOREIGN KEY (blocker_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: practitioner_memberships fk_practitioner_memberships_decided_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_memberships
    ADD CONSTRAINT fk_practitioner_memberships_decided_by FOREIGN KEY (decided_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: practitioner_memberships fk_practitioner_memberships_ended_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_memberships
    ADD CONSTRAINT fk_practitioner_memberships_ended_by FOREIGN KEY (ended_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: practitioner_memberships fk_practitioner_memberships_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_memberships
    ADD CONSTRAINT fk_practitioner_memberships_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: practitioner_memberships fk_practitioner_memberships_practitioner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_memberships
    ADD CONSTRAINT fk_practitioner_memberships_practitioner_id FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: practitioner_themes fk_practitioner_themes_practitioner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_themes
    ADD CONSTRAINT fk_practitioner_themes_practitioner_id FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;

--
-- Name: practitioner_themes fk_practitioner_themes_term_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioner_themes
    ADD CONSTRAINT fk_practitioner_themes_term_id FOREIGN KEY (term_id) REFERENCES public.taxonomy_terms(id) ON DELETE RESTRICT;

--
-- Name: practitioners fk_practitioners_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.practitioners
    ADD CONSTRAINT fk_practitioners_id FOREIGN KEY (id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: refresh_tokens fk_refresh_tokens_account_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refresh_tokens
    ADD CONSTRAINT fk_refresh_tokens_account_id FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: role_grants fk_role_grants_account_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_grants
    ADD CONSTRAINT fk_role_grants_account_id FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

--
-- Name: role_grants fk_role_grants_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_grants
    ADD CONSTRAINT fk_role_grants_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: service_areas fk_service_areas_area_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_areas
    ADD CONSTRAINT fk_service_areas_area_id FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE RESTRICT;

--
-- Name: service_areas fk_service_areas_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_areas
    ADD CONSTRAINT fk_service_areas_service_id FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE CASCADE;

--
-- Name: service_contacts fk_service_contacts_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_contacts
    ADD CONSTRAINT fk_service_contacts_service_id FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE CASCADE;

--
-- Name: service_cost_options fk_service_cost_options_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_cost_options
    ADD CONSTRAINT fk_service_cost_options_service_id FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE CASCADE;

--
-- Name: service_locations fk_service_locations_location_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_locations
    ADD CONSTRAINT fk_service_locations_location_id FOREIGN KEY (location_id) REFERENCES public.locations(id) ON DELETE CASCADE;

--
-- Name: service_locations fk_service_locations_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_locations
    ADD CONSTRAINT fk_service_locations_service_id FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE CASCADE;

--
-- Name: service_schedules fk_service_schedules_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_schedules
    ADD CONSTRAINT fk_service_schedules_service_id FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE CASCADE;

--
-- Name: service_taxonomy_terms fk_service_taxonomy_terms_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_taxonomy_terms
    ADD CONSTRAINT fk_service_taxonomy_terms_service_id FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE CASCADE;

--
-- Name: service_taxonomy_terms fk_service_taxonomy_terms_term_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_taxonomy_terms
    ADD CONSTRAINT fk_service_taxonomy_terms_term_id FOREIGN KEY (term_id) REFERENCES public.taxonomy_terms(id) ON DELETE RESTRICT;

--
-- Name: services fk_services_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.services
    ADD CONSTRAINT fk_services_created_by FOREIGN KEY (created_by) REFERENCES public.accounts(id) ON DELETE SET NULL;

--
-- Name: services fk_services_organisation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.services
    ADD CONSTRAINT fk_services_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: taxonomy_sources fk_taxonomy_sources_taxonomy_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomy_sources
    ADD CONSTRAINT fk_taxonomy_sources_taxonomy_id FOREIGN KEY (taxonomy_id) REFERENCES public.taxonomies(id) ON DELETE CASCADE;

--
-- Name: taxonomy_term_sources fk_taxonomy_term_sources_term_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomy_term_sources
    ADD CONSTRAINT fk_taxonomy_term_sources_term_id FOREIGN KEY (term_id) REFERENCES public.taxonomy_terms(id) ON DELETE CASCADE;

--
-- Name: taxonomy_terms fk_taxonomy_terms_parent_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomy_terms
    ADD CONSTRAINT fk_taxonomy_terms_parent_id FOREIGN KEY (parent_id) REFERENCES public.taxonomy_terms(id) ON DELETE RESTRICT;

--
-- Name: taxonomy_terms fk_taxonomy_terms_taxonomy_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxonomy_terms
    ADD CONSTRAINT fk_taxonomy_terms_taxonomy_id FOREIGN KEY (taxonomy_id) REFERENCES public.taxonomies(id) ON DELETE RESTRICT;

--
-- Name: web_sessions fk_web_sessions_account_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.web_sessions
    ADD CONSTRAINT fk_web_sessions_account_id FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;
