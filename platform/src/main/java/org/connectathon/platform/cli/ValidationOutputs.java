package org.connectathon.platform.cli;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.connectathon.engine.validation.OperationOutcomes;
import org.connectathon.platform.cli.ValidateCommand.FileResult;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;

import ca.uhn.fhir.context.FhirContext;

/**
 * The files {@code connectathon validate} writes: the OperationOutcome JSON of
 * {@code --out} (a Bundle of them, each under its file's URI, when there are several
 * inputs) and the JUnit XML of {@code --junit} (one test case per file, failed when it
 * has errors) for CI servers.
 */
final class ValidationOutputs {

	private ValidationOutputs() {
	}

	static String operationOutcomeJson(List<FileResult> results) {
		if (results.size() == 1) {
			return OperationOutcomes.toJson(results.get(0).report());
		}
		Bundle bundle = new Bundle().setType(BundleType.COLLECTION);
		for (FileResult result : results) {
			bundle.addEntry()
				.setFullUrl(result.path().toAbsolutePath().toUri().toString())
				.setResource(OperationOutcomes.toOperationOutcome(result.report()));
		}
		return FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
	}

	static String junitXml(List<FileResult> results, double seconds) {
		StringWriter text = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("testsuite");
			xml.writeAttribute("name", "connectathon validate");
			xml.writeAttribute("tests", Integer.toString(results.size()));
			xml.writeAttribute("failures",
					Long.toString(results.stream().filter(result -> !result.report().isValid()).count()));
			xml.writeAttribute("errors", "0");
			xml.writeAttribute("time", seconds(seconds));
			for (FileResult result : results) {
				xml.writeStartElement("testcase");
				xml.writeAttribute("classname", "validate");
				xml.writeAttribute("name", result.path().toString());
				xml.writeAttribute("time", seconds(result.seconds()));
				if (!result.report().isValid()) {
					xml.writeStartElement("failure");
					xml.writeAttribute("type", "validation");
					xml.writeAttribute("message", result.report().errorCount() + " validation error(s)");
					xml.writeCharacters(result.report()
						.errors()
						.stream()
						.map(issue -> issue.location() + (issue.line() == null ? "" : " (line " + issue.line() + ")")
								+ ": " + issue.message())
						.collect(Collectors.joining("\n")));
					xml.writeEndElement();
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Writing XML to a string cannot fail", ex);
		}
		return text.toString();
	}

	private static String seconds(double seconds) {
		return String.format(Locale.ROOT, "%.3f", seconds);
	}

}
