package org.connectathon.platform.registration;

import java.util.List;
import java.util.Optional;

import org.connectathon.platform.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Organization> findAll() {
		return this.jdbc.sql("select id, name, address, website from organizations order by name")
			.query(RecordRowMapper.of(Organization.class))
			.list();
	}

	Optional<Organization> find(long id) {
		return this.jdbc.sql("select id, name, address, website from organizations where id = :id")
			.param("id", id)
			.query(RecordRowMapper.of(Organization.class))
			.optional();
	}

	Optional<Organization> findByName(String name) {
		return this.jdbc.sql("select id, name, address, website from organizations where name = :name")
			.param("name", name)
			.query(RecordRowMapper.of(Organization.class))
			.optional();
	}

	long insert(OrganizationForm form) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("insert into organizations (name, address, website) values (:name, :address, :website)")
			.param("name", form.name().strip())
			.param("address", form.address())
			.param("website", form.website())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void update(long id, OrganizationForm form) {
		this.jdbc.sql("update organizations set name = :name, address = :address, website = :website where id = :id")
			.param("id", id)
			.param("name", form.name().strip())
			.param("address", form.address())
			.param("website", form.website())
			.update();
	}

	List<Contact> findContacts(long organizationId) {
		return this.jdbc.sql("""
				select id, organization_id, name, email, phone, contact_role from people
				where organization_id = :organizationId order by name""")
			.param("organizationId", organizationId)
			.query(RecordRowMapper.of(Contact.class))
			.list();
	}

	long insertContact(long organizationId, ContactForm form) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into people (organization_id, name, email, phone, contact_role)
				values (:organizationId, :name, :email, :phone, :role)""")
			.param("organizationId", organizationId)
			.param("name", form.name().strip())
			.param("email", form.email())
			.param("phone", form.phone())
			.param("role", form.contactRole().name())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	int deleteContact(long organizationId, long contactId) {
		return this.jdbc.sql("delete from people where id = :id and organization_id = :organizationId")
			.param("id", contactId)
			.param("organizationId", organizationId)
			.update();
	}

}
