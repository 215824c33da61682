package io.jfaust;

/**
 * No reply to {@code agent.ask(...)} came within {@code conf.askTimeout} (Faust's {@code asyncio.TimeoutError} around
 * {@code agent.ask}). The message names the agent and the reply topic.
 *
 * <pre>{@code
 * try { Object total = adder.ask("k", 2); }
 * catch (AskTimeoutException e) { log.warn("no worker answered: {}", e.getMessage()); }
 * }</pre>
 */
public final class AskTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AskTimeoutException(String message) {
        super(message);
    }
}
