/** Authentication commands: auth enable, disable and status, and the user and role commands. */
package io.github.jetcdctl.cli.auth;
