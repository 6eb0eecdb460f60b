package org.panoramix.app

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.TestDispatcher
import kotlinx.coroutines.test.resetMain
import kotlinx.coroutines.test.setMain
import org.junit.jupiter.api.extension.AfterEachCallback
import org.junit.jupiter.api.extension.BeforeEachCallback
import org.junit.jupiter.api.extension.ExtensionContext
import org.panoramix.api.models.Message
import org.panoramix.api.models.RoomView
import org.panoramix.api.models.SearchHit
import org.panoramix.api.models.Task
import org.panoramix.api.models.User
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import org.panoramix.core.outbox.OutboxState

/** ViewModels run on Dispatchers.Main: in tests, a test dispatcher whose clock the test drives. */
@OptIn(ExperimentalCoroutinesApi::class)
class MainDispatcher(val dispatcher: TestDispatcher = StandardTestDispatcher()) : BeforeEachCallback, AfterEachCallback {
  override fun beforeEach(context: ExtensionContext) = Dispatchers.setMain(dispatcher)

  override fun afterEach(context: ExtensionContext) = Dispatchers.resetMain()
}

const val ME = "000000000000000000000001"
const val BOB = "000000000000000000000002"
const val NOW = "2026-12-02T10:00:00.000Z"

fun user(id: String = ME, name: String = "alice") =
  User(id = id, username = name, displayName = name, role = User.Role.USER, disabled = false, avatarFileId = null, createdAt = NOW)

fun task(
  id: String,
  title: String = "task $id",
  urgent: Boolean = false,
  important: Boolean = false,
  status: Task.Status = Task.Status.TODO,
  rank: String = "m",
  projectId: String? = null,
) = Task(
  id = id, userId = ME, createdAt = NOW, updatedAt = NOW, projectId = projectId, title = title, notes = "", status = status,
  statusChangedAt = null, deadline = null, isUrgent = urgent, isImportant = important, rank = rank, tags = emptyList(),
  assigneeId = null, estimate = null, `actual` = null, source = null,
)

fun message(id: String, from: String = BOB, text: String = "hello $id", clientId: String = "client-$id", roomId: String = "room1") =
  Message(
    id = id, roomId = roomId, userId = from, clientId = clientId, text = text, replyTo = null, mentions = emptyList(),
    attachments = emptyList(), reactions = emptyList(), editedAt = null, deletedAt = null, createdAt = NOW,
  )

fun room(id: String, unread: Int = 0, muted: Boolean = false, lastMessageAt: String = NOW) =
  RoomView(
    id = id, type = RoomView.Type.GROUP, name = "room $id", members = emptyList(), createdBy = ME, lastMessage = null,
    lastMessageAt = lastMessageAt, createdAt = NOW, updatedAt = NOW, unreadCount = unread, muted = muted,
  )

fun hit(title: String) =
  SearchHit(kind = SearchHit.Kind.TASK, id = title, title = title, snippet = "", highlights = emptyList(), score = 1.0, projectId = null, target = "/tasks", updatedAt = NOW)

fun outboxItem(seq: Long, kind: OutboxKind, key: String, payload: String, target: String = "", state: OutboxState = OutboxState.PENDING) =
  OutboxItem(seq = seq, kind = kind, idempotencyKey = key, target = target, payload = payload, state = state, attempts = 0, problem = if (state == OutboxState.FAILED) "refused" else null)
