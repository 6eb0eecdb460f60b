package org.panoramix.app.data

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** Generated API calls block: off the main thread. */
suspend fun <T> io(call: () -> T): T = withContext(Dispatchers.IO) { call() }
