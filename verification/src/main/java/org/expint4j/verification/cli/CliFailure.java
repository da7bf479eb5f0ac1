package org.expint4j.verification.cli;

/**
 * A run that failed for a reason other than a user mistake in the arguments (for example the
 * sampler met a non-finite value): the command line prints the one-line message and exits with
 * {@link Expint#RUN_FAILURE}, with the stack trace only under {@code --debug}.
 */
public final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the one-line message
     * @param cause the underlying exception
     */
    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
