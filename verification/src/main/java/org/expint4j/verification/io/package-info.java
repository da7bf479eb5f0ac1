/** File output shared by the command line, the studies and the reports: atomic writes. */
package org.expint4j.verification.io;
