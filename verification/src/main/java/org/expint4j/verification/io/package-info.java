/**
 * File output shared by the command line, the studies and the reports: atomic writes
 * ({@link org.expint4j.verification.io.AtomicFiles}), sets of outputs moved into place together
 * ({@link org.expint4j.verification.io.StagedOutputs}), the commands' check of every input and
 * output before the work ({@link org.expint4j.verification.io.Outputs}), and one shutdown hook
 * that removes what an interrupted run was writing.
 */
package org.expint4j.verification.io;
