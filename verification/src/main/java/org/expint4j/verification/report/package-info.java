/**
 * Generated verification reports: {@link org.expint4j.verification.report.VerificationReport}
 * runs the standard order studies of the {@link org.expint4j.verification.study} engine and
 * writes {@code docs/results} (Markdown, CSV, PNG, SVG, and an index page). The command line and
 * the documentation build call it.
 */
package org.expint4j.verification.report;
