package jp.shisakunavi.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * Erasing a LINE user reaches the staff records: their membership is revoked and forgets the LINE user, reports
 * forget who sent them from LINE, and unknown-code attempts are dropped. Reports themselves stay (they are the
 * department's, not the person's).
 */
@Component
class StaffPersonalData implements PersonalData {

	private final StaffMembers members;
	private final Invitations invitations;
	private final MongoTemplate mongo;

	StaffPersonalData(StaffMembers members, Invitations invitations, MongoTemplate mongo) {
		this.members = members;
		this.invitations = invitations;
		this.mongo = mongo;
	}

	@Override
	public void erase(LineUserId user) {
		members.eraseLineUser(user);
		invitations.eraseAttempts(user);
		mongo.updateMulti(Query.query(where("reporterLineUserId").is(user.value())), new Update().unset("reporterLineUserId"),
				Obligation.class);
	}
}
