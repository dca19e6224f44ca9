package org.levelfield.monitoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.model.Characteristic;

/**
 * Monitoring returns in their own table (organisation_monitoring), read back only by the
 * organisation's own members or as suppressed aggregates.
 */
@Singleton
public class MonitoringReturns {

    private static final TypeReference<List<MonitoringReturn.IdentityAnswer>> ANSWERS = new TypeReference<>() {
    };

    private final Sql sql;
    private final JsonColumns json;
    private final Clock clock;

    public MonitoringReturns(Sql sql, JsonColumns json, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    public Optional<MonitoringReturn> find(UUID organisationId) {
        return sql.one("select * from organisation_monitoring where organisation_id = ?", this::row, organisationId);
    }

    @Transactional
    public MonitoringReturn save(UUID organisationId, MonitoringReturn given, Actor actor) {
        validate(given);
        List<MonitoringReturn.IdentityAnswer> answers = given.identityAnswers() == null ? List.of() : given.identityAnswers().stream()
                .map(a -> new MonitoringReturn.IdentityAnswer(a.about(), a.characteristic(), a.asked(),
                        Boolean.TRUE.equals(a.asked()) ? a.reply() : null, "YES".equals(a.reply()) && a.group() != null ? a.group().strip() : null))
                .toList();
        String[] flags = given.profileFlags() == null ? new String[0] : given.profileFlags().stream().distinct().sorted().toArray(String[]::new);
        sql.update("""
                insert into organisation_monitoring(organisation_id, answers, profile_flags, consent_to_publish, updated_at, updated_by)
                values (?, cast(? as jsonb), ?, ?, ?, ?)
                on conflict (organisation_id) do update set answers = excluded.answers, profile_flags = excluded.profile_flags,
                    consent_to_publish = excluded.consent_to_publish, updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                organisationId, write(answers), flags, given.consentToPublish(), clock.instant(), actor.userId());
        return find(organisationId).orElseThrow();
    }

    /**
     * Aggregates over a set of organisations (for example those with a live tender in a round):
     * per profile flag and per question, how many said each reply, every count under the threshold withheld.
     * With onlyConsenting, only organisations that agreed to publication count.
     */
    public Map<String, Object> aggregate(List<UUID> organisations, boolean onlyConsenting, Suppression withheld) {
        List<MonitoringReturn> returns = organisations.isEmpty() ? List.of() : sql.query(
                "select * from organisation_monitoring where organisation_id = any(?)" + (onlyConsenting ? " and consent_to_publish" : ""),
                this::row, (Object) organisations.toArray(UUID[]::new));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("organisations", withheld.of(organisations.size()));
        out.put("returned", withheld.of(returns.size()));
        Map<String, Suppression.Cell> flags = new LinkedHashMap<>();
        for (String flag : MonitoringReturn.PROFILE_FLAGS) {
            flags.put(flag, withheld.of(returns.stream().filter(r -> r.profileFlags().contains(flag)).count()));
        }
        out.put("profileFlags", flags);
        List<Map<String, Object>> questions = new ArrayList<>();
        for (String about : MonitoringReturn.ABOUT) {
            for (Characteristic c : Characteristic.values()) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("about", about);
                q.put("characteristic", c.name());
                for (String reply : MonitoringReturn.REPLIES) {
                    q.put(reply, withheld.of(returns.stream().flatMap(r -> r.identityAnswers().stream())
                            .filter(a -> about.equals(a.about()) && c.name().equals(a.characteristic()) && reply.equals(a.reply())).count()));
                }
                q.put("NOT_ASKED", withheld.of(returns.stream().filter(r -> r.identityAnswers().stream()
                        .noneMatch(a -> about.equals(a.about()) && c.name().equals(a.characteristic()) && Boolean.TRUE.equals(a.asked()))).count()));
                questions.add(q);
            }
        }
        out.put("questions", questions);
        out.put("suppression", withheld.statement());
        return out;
    }

    private static void validate(MonitoringReturn r) {
        if (r == null) {
            throw ProblemException.badInput("body", "a monitoring return is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (r.consentToPublish() == null) {
            errors.add(new FieldError("consentToPublish", "is required: may these answers count in published aggregates (true or false)?"));
        }
        List<String> characteristics = Arrays.stream(Characteristic.values()).map(Enum::name).toList();
        Set<String> seen = new HashSet<>();
        List<MonitoringReturn.IdentityAnswer> answers = r.identityAnswers() == null ? List.of() : r.identityAnswers();
        for (int i = 0; i < answers.size(); i++) {
            var a = answers.get(i);
            String at = "identityAnswers[" + i + "]";
            if (a == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            FieldChecks.oneOf(errors, at + ".about", a.about(), MonitoringReturn.ABOUT);
            FieldChecks.oneOf(errors, at + ".characteristic", a.characteristic(), characteristics);
            if (a.asked() == null) {
                errors.add(new FieldError(at + ".asked", "is required: was this question put to the organisation (true or false)?"));
            } else if (a.asked()) {
                FieldChecks.oneOf(errors, at + ".reply", a.reply(), MonitoringReturn.REPLIES);
            } else if (a.reply() != null) {
                errors.add(new FieldError(at + ".reply", "must be empty when the question was not asked"));
            }
            if (a.group() != null && a.group().length() > 200) {
                errors.add(new FieldError(at + ".group", "has more than 200 characters"));
            }
            if (!seen.add(a.about() + "/" + a.characteristic())) {
                errors.add(new FieldError(at, a.about() + " " + a.characteristic() + " is answered more than once"));
            }
        }
        List<String> flags = r.profileFlags() == null ? List.of() : r.profileFlags();
        for (int i = 0; i < flags.size(); i++) {
            FieldChecks.oneOf(errors, "profileFlags[" + i + "]", flags.get(i), MonitoringReturn.PROFILE_FLAGS);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
    }

    private MonitoringReturn row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MonitoringReturn(rs.getObject("organisation_id", UUID.class), json.read(rs.getString("answers"), ANSWERS),
                List.of((String[]) rs.getArray("profile_flags").getArray()), rs.getBoolean("consent_to_publish"),
                Sql.instant(rs, "updated_at"));
    }

    private String write(Object value) {
        return json.write(value);
    }
}
