/**
 * Placeholder; the author's guide is written with the contract test.
 */
package org.voicepanel.api;
