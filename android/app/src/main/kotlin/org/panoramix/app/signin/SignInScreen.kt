package org.panoramix.app.signin

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.app.i18n.LocalTexts

@Composable
fun SignInScreen(model: SignInViewModel) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  Column(Modifier.fillMaxSize().padding(24.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
    Text(texts.appName, style = MaterialTheme.typography.headlineMedium)
    OutlinedTextField(
      value = state.serverUrl,
      onValueChange = { model.edit(serverUrl = it) },
      label = { Text(texts.serverUrl) },
      singleLine = true,
      keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Uri),
      modifier = Modifier.fillMaxWidth(),
    )
    OutlinedTextField(state.username, { model.edit(username = it) }, label = { Text(texts.username) }, singleLine = true, modifier = Modifier.fillMaxWidth())
    OutlinedTextField(
      value = state.password,
      onValueChange = { model.edit(password = it) },
      label = { Text(texts.password) },
      singleLine = true,
      visualTransformation = PasswordVisualTransformation(),
      keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password),
      modifier = Modifier.fillMaxWidth(),
    )
    state.error?.let { error ->
      val message =
        when (error) {
          SignInError.BAD_SERVER_URL -> texts.badServerUrl
          SignInError.MISSING_FIELD -> texts.fieldRequired
          SignInError.REFUSED -> texts.signInRefused
          SignInError.UNREACHABLE -> texts.serverUnreachable
        }
      Text(message, color = MaterialTheme.colorScheme.error)
    }
    Button(onClick = model::submit, enabled = !state.busy, modifier = Modifier.fillMaxWidth()) {
      Text(if (state.busy) texts.signingIn else texts.signIn)
    }
  }
}
