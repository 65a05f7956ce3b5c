package org.connectathon.platform.registration;

/** What an organization's contact person is reached for. */
public enum ContactRole {

	TECHNICAL, MARKETING, BILLING

}
