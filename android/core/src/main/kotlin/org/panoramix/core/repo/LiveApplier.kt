package org.panoramix.core.repo

import org.panoramix.core.live.LiveEvent

/** A repository that keeps its lists current from the socket's events. */
internal fun interface LiveApplier {
    fun apply(event: LiveEvent)
}
