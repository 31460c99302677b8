package org.civicca.api.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.agency.Agency;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Creates, updates and lists agencies; every change is audited in the same transaction. */
@Service
public class AgencyService {

    private final AgencyRepository agencies;
    private final JdbcAggregateTemplate rows;
    private final JdbcAgencyDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    AgencyService(AgencyRepository agencies, JdbcAggregateTemplate rows, JdbcAgencyDirectory directory, AuditLog audit, Clock clock) {
        this.agencies = agencies;
        this.rows = rows;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AgencyBody> list() {
        return agencies.findAll().stream().sorted(Comparator.comparing(AgencyRow::code)).map(AgencyService::toBody).toList();
    }

    @Transactional
    public AgencyBody create(AgencyBody body, String actor) {
        Agency agency = new Agency(body.code(), body.name(), body.taxCode(), body.locality());
        if (agencies.existsById(agency.code())) {
            throw new CaException(ErrorCode.AGENCY_EXISTS, "code", ApiMessage.AGENCY_CODE_EXISTS, agency.code());
        }
        Instant now = clock.instant();
        rows.insert(new AgencyRow(agency.code(), agency.name(), agency.taxCode(), agency.locality(), now, now));
        audit.record(actor, "agency.created", agency.code(), describe(agency));
        return toBody(agency);
    }

    @Transactional
    public AgencyBody update(String code, AgencyBody body, String actor) {
        AgencyRow current = agencies.findById(code)
                .orElseThrow(() -> new CaException(ErrorCode.AGENCY_NOT_FOUND, "code", ApiMessage.NO_AGENCY_WITH_CODE));
        if (body.code() != null && !body.code().equals(code)) {
            throw new CaException(ErrorCode.INVALID_FIELD, "code", ApiMessage.AGENCY_CODE_MISMATCH);
        }
        Agency agency = new Agency(code, body.name(), body.taxCode(), body.locality());
        agencies.save(new AgencyRow(code, agency.name(), agency.taxCode(), agency.locality(), current.createdAt(), clock.instant()));
        audit.record(actor, "agency.updated", code, describe(agency));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                directory.forget(code);
            }
        });
        return toBody(agency);
    }

    static Agency toAgency(AgencyRow row) {
        return new Agency(row.code(), row.name(), row.taxCode(), row.locality());
    }

    private static AgencyBody toBody(AgencyRow row) {
        return new AgencyBody(row.code(), row.name(), row.taxCode(), row.locality());
    }

    private static AgencyBody toBody(Agency agency) {
        return new AgencyBody(agency.code(), agency.name(), agency.taxCode(), agency.locality());
    }

    private static String describe(Agency agency) {
        return "name=" + agency.name() + "; taxCode=" + agency.taxCode() + "; locality=" + agency.locality();
    }
}
