package jp.shisakunavi.staff;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes the staff lookups use: members by LINE user and by municipality, invitations by code, obligations by round. */
@Component
class StaffIndexes {

	private final MongoTemplate mongo;

	StaffIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensure() {
		mongo.indexOps(StaffMember.class).createIndex(new Index().on("lineUserId", Sort.Direction.ASC));
		mongo.indexOps(StaffMember.class).createIndex(new Index().on("municipality", Sort.Direction.ASC));
		mongo.indexOps(Invitation.class).createIndex(new Index().on("codeHash", Sort.Direction.ASC));
		mongo.indexOps(Obligation.class).createIndex(new Index().on("roundId", Sort.Direction.ASC));
		mongo.indexOps(DepartmentMapping.class).createIndex(new Index().on("planId", Sort.Direction.ASC));
		mongo.indexOps(Invitations.FailedAttempt.class).createIndex(new Index().on("user", Sort.Direction.ASC));
	}
}
